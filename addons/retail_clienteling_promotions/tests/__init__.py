from . import test_promotion_hint
