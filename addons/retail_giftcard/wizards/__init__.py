from . import retail_giftcard_generate
from . import retail_giftcard_block
