from . import retail_loyalty_adjust
from . import retail_loyalty_tier_override
