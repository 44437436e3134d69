from . import retail_promotion_results_export
