"""The Chinese words for certificate codes: the register's name of each kind and a certificate's status."""

KIND_LABELS = {"entry": "入驻证书", "graduation": "出壳证书", "rating": "星级评定证书",
               "volunteer": "志愿服务证明", "award": "路演获奖证书"}
STATUS_LABELS = {"valid": "有效", "revoked": "已作废"}
# the clerk's word for each certificate layout (the CLI's --layout takes it, or the layout's name)
LAYOUT_LABELS = {"landscape": "横版", "portrait": "竖版"}
# why a certificate is printed again (补打): asked every time, kept in the print history
REPRINT_REASONS = ("损坏", "遗失", "更正")
