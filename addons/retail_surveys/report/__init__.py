from . import retail_survey_answer_report
from . import retail_survey_response_report
from . import retail_survey_answer_stat
