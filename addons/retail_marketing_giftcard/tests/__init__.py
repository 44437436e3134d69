from . import test_giftcard_campaign
from . import test_occasion
