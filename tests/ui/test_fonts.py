"""Chinese renders on a PC with no Chinese fonts: the shipped font is registered and used."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QFontMetrics, QImage
from PySide6.QtWidgets import QApplication, QLabel

from yichao.resources import CJK_FONT_FAMILY
from yichao.ui.launch import make_application


def test_application_font_is_the_shipped_cjk_font_and_covers_chinese(qtbot):
    app = make_application()
    assert CJK_FONT_FAMILY in QFontDatabase.families()
    assert app.font().family() == CJK_FONT_FAMILY
    metrics = QFontMetrics(app.font())
    for char in "益巢甸柳街道爱心存折":
        assert metrics.inFontUcs4(ord(char)), char


def test_a_chinese_label_draws_distinct_glyphs_not_boxes(qtbot):
    make_application()

    def render(text: str) -> QImage:
        label = QLabel(text)
        qtbot.addWidget(label)
        label.resize(200, 40)
        return label.grab().toImage()

    # a missing glyph draws the same box for every character: two different words would look alike
    assert render("益巢") != render("存折")
    assert QApplication.font().family() == CJK_FONT_FAMILY
