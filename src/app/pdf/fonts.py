"""The embedded CJK font for every PDF (reportlab reads TrueType outlines; see DESIGN.md section 8)."""

from __future__ import annotations

from functools import lru_cache

from yichao.resources import CJK_FONT_PATH

CJK_FONT = "YichaoCJK"


@lru_cache(maxsize=1)
def register_cjk_font() -> str:
    """Register the shipped WenQuanYi Micro Hei with reportlab once; returns the font name.

    The font is subset and embedded in every PDF, so printouts look the same on any PC.
    """
    # reportlab on first use, never at start-up (DESIGN.md section 8)
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(CJK_FONT, str(CJK_FONT_PATH), subfontIndex=0))
    return CJK_FONT
