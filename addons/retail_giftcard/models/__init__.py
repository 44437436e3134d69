from . import retail_giftcard_series
from . import loyalty_card
from . import res_company
from . import pos_payment_method
from . import pos_payment
from . import pos_order_line
from . import pos_order
from . import product_template
