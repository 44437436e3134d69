from . import retail_marketing_result_report
