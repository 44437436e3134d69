from . import test_extra_points
from . import test_frontend
from . import test_vectors
