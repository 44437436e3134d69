from . import test_shortfall_incident
