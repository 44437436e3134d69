from . import retail_survey_analysis_export
