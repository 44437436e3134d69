from . import test_panel_gift_lists
from . import test_frontend
