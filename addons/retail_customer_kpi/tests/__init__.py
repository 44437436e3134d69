from . import test_kpi
from . import test_statistics
from . import test_till_kpi
