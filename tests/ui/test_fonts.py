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


def test_the_system_chinese_ui_font_wins_and_the_shipped_one_is_not_loaded(qtbot, monkeypatch):
    """On Chinese Windows, Microsoft YaHei UI is there: the 5 MB shipped font is not even read."""
    from yichao.ui import fonts

    app = make_application()  # the shipped font is registered: it stands in for a system font here
    loaded = []
    monkeypatch.setattr(fonts, "_add_bundled_font", lambda: loaded.append(1) or "never")
    family = fonts.install_cjk_font(app, candidates=("Microsoft YaHei UI", "SimSun", CJK_FONT_FAMILY))
    assert family == CJK_FONT_FAMILY and loaded == []
    assert fonts.system_cjk_family(("Microsoft YaHei UI", "SimSun")) is None  # not on this Linux box


def test_the_preference_order_is_yahei_ui_then_simsun():
    from yichao.ui.fonts import SYSTEM_UI_FAMILIES

    assert SYSTEM_UI_FAMILIES[0] == "Microsoft YaHei UI"
    assert SYSTEM_UI_FAMILIES.index("Microsoft YaHei") < SYSTEM_UI_FAMILIES.index("SimSun")


def test_pdfs_keep_the_shipped_font_whatever_the_screen_uses():
    from reportlab.pdfbase import pdfmetrics

    from yichao.app.pdf import register_cjk_font
    from yichao.resources import CJK_FONT_PATH

    name = register_cjk_font()
    assert pdfmetrics.getFont(name).face.filename == str(CJK_FONT_PATH)
