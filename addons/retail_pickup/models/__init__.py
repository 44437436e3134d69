from . import stock_warehouse
from . import retail_pickup_message
from . import retail_pickup_notify_mixin
from . import sale_order
from . import sale_order_pickup_jobs
from . import stock_move
