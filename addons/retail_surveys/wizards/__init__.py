from . import retail_survey_analysis_export
from . import retail_survey_sale_wizard
from . import retail_survey_sale_wizard_line
