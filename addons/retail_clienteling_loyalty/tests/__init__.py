from . import test_panel_loyalty
