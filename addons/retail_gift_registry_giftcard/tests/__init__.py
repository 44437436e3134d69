from . import test_settlement_giftcard
