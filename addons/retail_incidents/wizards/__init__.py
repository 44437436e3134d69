from . import stock_return_picking
from . import retail_incident_analysis_export
