from . import retail_marketing_results_export
from . import retail_customer_export
from . import mail_compose_message
