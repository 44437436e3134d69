from . import test_speed_layer
