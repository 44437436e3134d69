from . import test_consent
from . import test_audience
from . import test_content
from . import test_results
from . import test_unsubscribe
from . import test_smtp
from . import test_security
from . import test_input
