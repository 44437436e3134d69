from . import retail_incident_report
