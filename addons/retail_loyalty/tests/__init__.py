from . import test_points_engine
from . import test_pos_points
from . import test_sale_points
from . import test_tiers_expiry
from . import test_adjust
from . import test_notices_analysis
from . import test_frontend
from . import test_offline_points
