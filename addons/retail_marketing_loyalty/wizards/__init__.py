from . import retail_loyalty_adjust
from . import retail_marketing_notice_send
