from . import retail_customer_report
from . import retail_customer_segment_report
