from . import retail_promotion_report
