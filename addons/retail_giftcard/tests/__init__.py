from . import test_series
from . import test_giftcard_ledger
from . import test_security
from . import test_pos_money
from . import test_concurrency
from . import test_bulk_load
from . import test_invoice_payment
from . import test_frontend
