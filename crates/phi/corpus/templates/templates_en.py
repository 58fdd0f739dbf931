"""All English templates.  A template may start with '@F ' / '@M ' to force the patient's gender."""
from templates_en_1 import TEMPLATES as T1
from templates_en_2 import TEMPLATES as T2
from templates_en_3 import TEMPLATES as T3
from templates_en_4 import TEMPLATES as T4
from templates_en_5 import TEMPLATES as T5
from templates_en_6 import TEMPLATES as T6
from templates_en_7 import TEMPLATES as T7

TEMPLATES = T1 + T2 + T3 + T4 + T5 + T6 + T7
assert len(set(TEMPLATES)) == len(TEMPLATES), "duplicate English template"
