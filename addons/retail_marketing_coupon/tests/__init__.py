from . import test_coupon
from . import test_till
