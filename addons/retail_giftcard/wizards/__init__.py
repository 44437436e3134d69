from . import retail_giftcard_generate
from . import retail_giftcard_block
from . import retail_giftcard_load
from . import retail_giftcard_outstanding
from . import retail_giftcard_invoice_pay
from . import retail_giftcard_sale_pay
