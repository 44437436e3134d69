from . import test_service_ready
