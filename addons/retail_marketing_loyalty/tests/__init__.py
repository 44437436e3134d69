from . import test_loyalty_campaign
from . import test_tour
