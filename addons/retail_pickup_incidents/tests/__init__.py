from . import test_pickup_incident
