from . import retail_gdpr_anonymize
