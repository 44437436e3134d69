from . import loyalty_card
from . import mailing_mailing
from . import res_partner
