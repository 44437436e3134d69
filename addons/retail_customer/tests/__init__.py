from . import test_identification
from . import test_customer_file
from . import test_kpi
from . import test_segment
from . import test_report_export
from . import test_pos_search
from . import test_frontend
from . import test_gdpr
