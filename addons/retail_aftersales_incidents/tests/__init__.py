from . import test_service_incidents
