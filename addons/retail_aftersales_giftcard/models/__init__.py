from . import pos_config
from . import pos_order
from . import pos_payment
from . import pos_payment_method
from . import pos_session
from . import res_config_settings
