from . import test_loyalty_campaign
from . import test_campaign_actions
from . import test_tour
from . import test_occasion
from . import test_batch_render
