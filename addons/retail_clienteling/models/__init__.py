from . import event_registration_receipt
from . import loyalty_card_receipt
from . import pos_order_receipt
from . import res_partner_receipt
from . import retail_receipt_rule
