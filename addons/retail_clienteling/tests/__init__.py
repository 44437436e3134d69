from . import test_analyses
from . import test_frontend
from . import test_receipt_rules
