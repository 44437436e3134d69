from . import test_panel_incidents
from . import test_frontend
