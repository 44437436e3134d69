from . import test_questionnaire
from . import test_asking_rules
from . import test_pos_sync
from . import test_security
from . import test_analysis
from . import test_frontend
from . import test_sale_wizard
from . import test_vectors
