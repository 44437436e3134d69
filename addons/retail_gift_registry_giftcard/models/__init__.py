from . import res_company
from . import res_config_settings
from . import retail_gift_registry
