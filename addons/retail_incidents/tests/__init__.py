from . import test_incident
from . import test_rules
from . import test_pos
from . import test_report
from . import test_frontend
from . import test_incident_audit
