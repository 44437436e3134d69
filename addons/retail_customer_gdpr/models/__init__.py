from . import retail_gdpr_request
from . import res_partner
