from . import retail_marketing_result_mixin
from . import retail_marketing_holdout
from . import mailing_mailing
from . import utm_campaign
from . import res_partner
from . import retail_blacklist_consent_mixin
from . import mail_blacklist
from . import phone_blacklist
