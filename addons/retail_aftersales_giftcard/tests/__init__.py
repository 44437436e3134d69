from . import test_store_credit
from . import test_store_credit_ewallet
from . import test_frontend
