from . import test_service_intake
from . import test_service_collection
from . import test_service_security
from . import test_frontend
