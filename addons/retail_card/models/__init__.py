from . import loyalty_history
from . import loyalty_card
