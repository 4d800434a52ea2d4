"""Register the shipped CJK font so Chinese renders on a PC with no Chinese fonts installed."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from yichao.resources import CJK_FONT_PATH

log = logging.getLogger(__name__)


def install_cjk_font(app: QApplication) -> str:
    """Add the font to Qt and make it the application font; returns the family name."""
    font_id = QFontDatabase.addApplicationFont(str(CJK_FONT_PATH))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.error("could not load the CJK font %s", CJK_FONT_PATH)
        return app.font().family()
    family = families[0]
    font = QFont(family)
    font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
    app.setFont(font)
    return family
