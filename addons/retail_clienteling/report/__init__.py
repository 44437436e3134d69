from . import retail_clienteling_report_mixin
from . import retail_best_seller_report
from . import retail_impulse_report
from . import retail_receipt_message_report
from . import retail_suggestion_report
