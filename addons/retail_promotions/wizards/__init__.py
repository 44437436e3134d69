from . import retail_promotion_results_export
from . import retail_promotion_explanation
