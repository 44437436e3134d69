from . import test_promotion_types
from . import test_schedule_combination
from . import test_baskets
from . import test_frontend
from . import test_pos_sync
from . import test_sale_promotions
from . import test_results
from . import test_frontend_results
