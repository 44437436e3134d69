from . import retail_customer_export
