from . import test_panel_loyalty
from . import test_receipt_tier
