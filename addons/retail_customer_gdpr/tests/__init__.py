from . import test_gdpr
