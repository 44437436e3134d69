from . import loyalty_history
from . import loyalty_card
from . import retail_card_lookup_failure
from . import res_partner
from . import res_config_settings
