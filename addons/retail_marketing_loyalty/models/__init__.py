from . import res_partner
from . import retail_marketing_action
from . import loyalty_card
from . import mailing_mailing
