from . import res_partner
from . import retail_receipt_rule
