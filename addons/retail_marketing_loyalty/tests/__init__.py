from . import test_loyalty_campaign
