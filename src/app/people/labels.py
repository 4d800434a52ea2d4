"""The Chinese words for residents' codes; the model keeps the codes, pages and files read these."""

GENDER_LABELS = {"male": "男", "female": "女", "": ""}
# what a clerk types or a roster holds -> the code
GENDER_CODES = {label: code for code, label in GENDER_LABELS.items()}
