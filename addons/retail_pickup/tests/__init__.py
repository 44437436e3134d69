from . import test_pickup
from . import test_pickup_jobs
from . import test_pickup_sends
from . import test_frontend
