from . import test_promotion_types
from . import test_schedule_combination
from . import test_baskets
from . import test_frontend
from . import test_group_discount_types
from . import test_customer_promotion_types
from . import test_employee_ceiling_pos
