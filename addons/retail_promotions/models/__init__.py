from . import loyalty_program
from . import pos_config
from . import sale_order
from . import retail_promotion_break
from . import res_partner
from . import pos_order_employee
