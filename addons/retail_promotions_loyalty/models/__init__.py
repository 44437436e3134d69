from . import loyalty_program
from . import pos_config
from . import sale_order
