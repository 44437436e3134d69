from . import retail_marketing_results_export
