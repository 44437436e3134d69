from . import test_giftcard_campaign
