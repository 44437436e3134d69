from . import retail_xlsx_export_mixin
from . import retail_customer_export
