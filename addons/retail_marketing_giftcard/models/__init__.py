from . import res_partner
from . import mailing_mailing
