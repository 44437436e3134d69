from . import loyalty_program
from . import pos_config
from . import sale_order
from . import loyalty_program_explanation
from . import pos_order
from . import pos_order_line
