from . import retail_loyalty_report
