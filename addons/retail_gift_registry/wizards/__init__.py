from . import retail_gift_registry_thanks_export
from . import retail_gift_registry_reopen
