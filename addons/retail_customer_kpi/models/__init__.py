from . import retail_kpi_order_mixin
from . import retail_customer_stat
from . import res_partner
from . import pos_order
from . import sale_order
