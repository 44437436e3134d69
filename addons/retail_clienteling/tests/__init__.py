from . import test_product_pair
from . import test_suggestions
from . import test_query_budget
from . import test_frontend
from . import test_analyses
from . import test_suggestion_report
from . import test_receipt_rules
from . import test_frontend_receipt
