from . import retail_incident
from . import retail_incident_rule
from . import repair_order
