from . import survey_survey
from . import survey_question
from . import survey_question_answer
from . import survey_user_input
from . import retail_survey_rule
from . import pos_order
from . import pos_session
from . import sale_order
