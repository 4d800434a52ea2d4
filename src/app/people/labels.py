"""The Chinese words for residents' codes; the model keeps the codes, pages and files read these."""

GENDER_LABELS = {"male": "男", "female": "女", "": ""}
# what a clerk types or a roster holds -> the code
GENDER_CODES = {label: code for code, label in GENDER_LABELS.items()}
# other ways rosters write a gender -> the program's word (proposed, the clerk confirms)
GENDER_SYNONYMS = {"男性": GENDER_LABELS["male"], "女性": GENDER_LABELS["female"], "M": GENDER_LABELS["male"],
                   "F": GENDER_LABELS["female"], "m": GENDER_LABELS["male"], "f": GENDER_LABELS["female"]}
