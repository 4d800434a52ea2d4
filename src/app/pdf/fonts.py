"""The embedded CJK font for every PDF (reportlab reads TrueType outlines; see DESIGN.md section 8)."""

from __future__ import annotations

from functools import lru_cache

from yichao.app.core.errors import UserError
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


@lru_cache(maxsize=1)
def _drawable() -> frozenset[int]:
    """The code points the shipped font has outlines for."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = pdfmetrics.getFont(register_cjk_font())
    assert isinstance(font, TTFont)  # the shipped TrueType font: its face maps code points to glyphs
    return frozenset(font.face.charToGlyph)


def missing_glyphs(text: str) -> str:
    """The characters of ``text`` the shipped font cannot draw (e.g. rare CJK of extension B+), in order.

    reportlab would silently draw nothing for them; a name on a certificate must never lose a
    character without the clerk knowing.
    """
    drawable = _drawable()
    seen: dict[str, None] = {}
    for ch in text:
        if ord(ch) not in drawable and not ch.isspace():
            seen[ch] = None
    return "".join(seen)


def require_drawable(texts: dict[str, str], what: str) -> None:
    """Refuse, naming the characters, when the font cannot draw part of ``texts`` (field -> text)."""
    for text in texts.values():
        lost = missing_glyphs(text)
        if lost:
            shown = "、".join(f"“{ch}”(U+{ord(ch):04X})" for ch in lost[:5])
            raise UserError(f"{what}里的 {shown} 是打印字体里没有的字，打印出来会缺字，所以没有打印。"
                            f"请先把“{text[:30]}”里的这些字改成常用字或拼音（可在备注里写明原字）。")
