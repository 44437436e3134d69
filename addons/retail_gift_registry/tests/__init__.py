from . import test_registry
from . import test_sale_order
from . import test_pos
from . import test_settlement
from . import test_security
from . import test_concurrency
from . import test_frontend
