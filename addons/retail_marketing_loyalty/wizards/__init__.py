from . import retail_loyalty_adjust
