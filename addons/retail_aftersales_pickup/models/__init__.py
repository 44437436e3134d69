from . import retail_pickup_message
from . import repair_order
