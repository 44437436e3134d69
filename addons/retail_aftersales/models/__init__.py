from . import product_template
from . import repair_order
from . import repair_order_till
from . import pos_order
from . import barcode_rule
