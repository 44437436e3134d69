from . import retail_xlsx_export_mixin
from . import retail_customer_export
from . import retail_gdpr_anonymize
