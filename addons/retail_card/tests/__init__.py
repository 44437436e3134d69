from . import test_ledger
from . import test_immutability
from . import test_security
from . import test_code
from . import test_concurrency
from . import test_lookup
from . import test_personal_data
from . import test_native_paths
