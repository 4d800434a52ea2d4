"""Drawing primitives every Yichao document uses: canvases, fitted text, images, QR codes.

Coordinates given to these functions are reportlab points from the bottom-left corner; layouts
(``layouts.py``) speak millimetres from the top-left and convert. Text is measured with the embedded
CJK font's own widths, so what fits here fits on paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from yichao.app.core.errors import UserError
from yichao.app.pdf.fonts import register_cjk_font
from yichao.app.pdf.qr import qr_image

MM = 72 / 25.4
Align = Literal["left", "center", "right"]
# punctuation that must not start a line (禁则): it is kept with the previous character
NO_LINE_START = set("，。、；：？！）》」』”’%…—·,.;:?!)]")
SMALLEST = 4.0  # below this even a long name is unreadable; layouts never need it


@dataclass(frozen=True)
class Box:
    """A rectangle in points, (x, y) its bottom-left corner."""

    x: float
    y: float
    w: float
    h: float

    def moved(self, dx: float, dy: float) -> Box:
        return Box(self.x + dx, self.y + dy, self.w, self.h)


@dataclass(frozen=True)
class Fitted:
    """How a text was set: the font size and the lines, top to bottom."""

    size: float
    lines: tuple[str, ...]
    leading: float


def new_canvas(path: Path | str, pagesize: tuple[float, float], title: str = "", subject: str = "") -> Any:
    """A reportlab canvas with the document's metadata; the embedded font is registered first."""
    # reportlab on first use, never at start-up (DESIGN.md section 8)
    from reportlab import rl_config
    from reportlab.pdfgen.canvas import Canvas

    # compressed streams stay binary: ASCII85 makes files a quarter larger and, in pure Python,
    # costs a 1,000-page batch about a second (applies to every canvas made after this one)
    rl_config.useA85 = 0
    font = register_cjk_font()
    # the initial font too: else every page names a Helvetica that is never embedded
    # (types-reportlab has initialFontName as a number; it is a font's name)
    canvas = Canvas(str(path), pagesize=pagesize, invariant=0, initialFontName=font,  # type: ignore[arg-type]
                    initialFontSize=12)
    canvas.setCreator("益巢 Yichao")
    canvas.setAuthor("益巢 Yichao")
    if title:
        canvas.setTitle(title)
    if subject:
        canvas.setSubject(subject)
    return canvas


@lru_cache(maxsize=8)
def _width_table(font: str) -> tuple[Any, dict[str, float]]:
    # reportlab on first use, never at start-up (DESIGN.md section 8)
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.getFont(font), {}


def char_width(font: str, ch: str) -> float:
    """Width of one character at size 1, cached (wrapping measures every character)."""
    face, cache = _width_table(font)
    width = cache.get(ch)
    if width is None:
        width = cache[ch] = face.stringWidth(ch, 1.0)
    return width


def _widths(font: str, text: str) -> dict[str, float]:
    """The font's width cache, with every character of ``text`` in it."""
    cache = _width_table(font)[1]
    for ch in set(text).difference(cache):
        char_width(font, ch)
    return cache


def text_width(font: str, text: str, size: float) -> float:
    cache = _width_table(font)[1]
    try:
        return sum(map(cache.__getitem__, text)) * size
    except KeyError:  # a character measured for the first time
        return sum(map(_widths(font, text).__getitem__, text)) * size


# runs of Latin letters, digits and -_./@ stay together; every other character is a token of its own
_WORD = re.compile(r"[0-9A-Za-z\-_./@]+")
Measured = list[tuple[list[str], list[float]]]  # per paragraph: tokens and their widths at size 1


def _measure(font: str, text: str) -> tuple[Measured, dict[str, float]]:
    widths = _width_table(font)[1]
    try:
        return _measured(text, widths), widths
    except KeyError:  # characters measured for the first time
        return _measured(text, _widths(font, text)), widths


def _measured(text: str, widths: dict[str, float]) -> Measured:
    width = widths.__getitem__
    paragraphs: Measured = []
    for paragraph in text.split("\n"):
        tokens: list[str] = []
        token_widths: list[float] = []
        end = 0
        for word in _WORD.finditer(paragraph):
            chars = list(paragraph[end:word.start()])
            tokens += chars
            token_widths += map(width, chars)
            tokens.append(word.group())
            token_widths.append(sum(map(width, word.group())))
            end = word.end()
        chars = list(paragraph[end:])
        tokens += chars
        token_widths += map(width, chars)
        paragraphs.append((tokens, token_widths))
    return paragraphs


def wrap(font: str, text: str, size: float, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width``.

    CJK breaks between any two characters; runs of Latin letters and digits stay together; a line
    never starts with closing punctuation. Explicit newlines start new paragraphs.
    """
    return _wrap(*_measure(font, text), size, width)


def _wrap(paragraphs: Measured, widths: dict[str, float], size: float, width: float) -> list[str]:
    lines: list[str] = []
    limit = width / size
    room = limit + 1e-9
    for tokens, token_widths in paragraphs:
        line, used = "", 0.0
        for token, w in zip(tokens, token_widths):
            if line and used + w > room:
                if token[0] in NO_LINE_START and len(line) > 1:
                    # carry the last character over so the punctuation does not lead the line
                    carry = line[-1]
                    lines.append(line[:-1])
                    line, used = carry, widths[carry]
                else:
                    lines.append(line)
                    line, used = "", 0.0
                    if token.isspace():
                        continue
            if w > limit and len(token) > 1:  # a word longer than the line: break it anywhere
                for ch in token:
                    cw = widths[ch]
                    if line and used + cw > room:
                        lines.append(line)
                        line, used = "", 0.0
                    line += ch
                    used += cw
                continue
            line += token
            used += w
        lines.append(line)
    return lines


def fit(font: str, text: str, box: Box, size: float, min_size: float, *, wrap_first: bool = False,
        leading: float = 1.4, max_lines: int = 0) -> Fitted:
    """Choose a size and line breaks so ``text`` stays inside ``box``.

    Names (``wrap_first=False``) shrink on one line down to ``min_size``, then wrap onto more lines;
    paragraphs (``wrap_first=True``) wrap at the nominal size and shrink only when the lines do not
    fit the height. If nothing fits even at ``min_size``, the size keeps falling: a long text prints
    small rather than over its neighbour.
    """
    text = text.strip("\n")
    if not text:
        return Fitted(size, (), leading)
    if not wrap_first and "\n" not in text:
        try:
            one_line = sum(map(_width_table(font)[1].__getitem__, text))
        except KeyError:  # characters measured for the first time
            one_line = text_width(font, text, 1.0)
        if one_line > 0:
            best = min(size, box.w / one_line, box.h)
            if best >= min_size:
                return Fitted(_floor_half(best), (text,), leading)
    paragraphs, widths = _measure(font, text)  # measured once for every size tried
    s = size
    while s >= SMALLEST:
        lines = _wrap(paragraphs, widths, s, box.w)
        if (len(lines) - 1) * s * leading + s <= box.h and (not max_lines or len(lines) <= max_lines):
            return Fitted(s, tuple(lines), leading)
        s = _floor_half(s - 0.5) if s > min_size else s * 0.92
    # absurdly long text: tighter lines and smaller type, and finally cut with an ellipsis
    tight = min(leading, 1.15)
    s = SMALLEST
    while s >= 1.5:
        lines = _wrap(paragraphs, widths, s, box.w)
        if (len(lines) - 1) * s * tight + s <= box.h:
            return Fitted(s, tuple(lines), tight)
        s *= 0.85
    room = max(1, int((box.h - s) / (s * tight)) + 1)
    lines = _wrap(paragraphs, widths, s, box.w)[:room]
    lines[-1] = lines[-1][:-1] + "…"
    return Fitted(s, tuple(lines), tight)


def _floor_half(value: float) -> float:
    return max(SMALLEST, int(value * 2) / 2)


class TextBlock:
    """One open PDF text object (``BT`` ... ``ET``) that :func:`draw_fitted` adds lines to.

    A page's varying texts go into one block (far cheaper than a text object per field); ``close``
    puts it on the canvas. Operators are written here directly rather than through reportlab's
    PDFTextObject, which formats every number with its pure-Python ``fp_str`` and measures every line
    again: that cost a 1,000-page batch about a tenth of a second.
    """

    __slots__ = ("canvas", "ops", "font")

    def __init__(self, canvas: Any) -> None:
        self.canvas = canvas
        self.ops: list[str] = []
        self.font = ""  # the "/F1+0 17 Tf" in force inside this block

    def close(self) -> None:
        if self.ops:
            self.canvas._code.append(f"BT {' '.join(self.ops)} ET")
            self.ops = []
        self.font = ""


def _glyphs(canvas: Any, font: str) -> tuple[dict[str, int], dict[int, str]]:
    """This document's glyph codes of ``font``: character -> subset * 256 + byte, and subset -> PDF name."""
    try:
        return canvas.__dict__["_yc_glyphs"][font]
    except KeyError:
        return canvas.__dict__.setdefault("_yc_glyphs", {}).setdefault(font, ({}, {}))


def _encode(canvas: Any, font: str, line: str, codes: dict[str, int], names: dict[int, str]) -> list[tuple[str, str]]:
    """``line`` as (subset font name, hex string) runs, in this document's subsets of the embedded font.

    Codes are given out by reportlab (``splitString``, one character the first time it is seen: the
    order is the same as for whole lines, and a code never changes once given), so the font's
    subsets and ToUnicode maps are reportlab's own and the text stays extractable.
    """
    try:
        return [(names[0], bytes(map(codes.__getitem__, line)).hex())]  # all in the first subset
    except KeyError:  # characters not seen before in this document
        # reportlab on first use, never at start-up (DESIGN.md section 8)
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        face, doc = pdfmetrics.getFont(font), canvas._doc
        assert isinstance(face, TTFont), font  # register_cjk_font registers a TrueType font
        for ch in line:
            if ch not in codes:
                ((subset, byte),) = face.splitString(ch, doc)
                codes[ch] = subset << 8 | byte[0]
                if subset not in names:  # also registers the subset with the document's fonts
                    names[subset] = face.getSubsetInternalName(subset, doc)
        return _encode(canvas, font, line, codes, names)
    except ValueError:  # codes beyond the first subset: one run per subset
        numbers = list(map(codes.__getitem__, line))
    runs: list[tuple[str, str]] = []
    start = 0
    for n in range(1, len(numbers) + 1):
        if n == len(numbers) or numbers[n] >> 8 != numbers[start] >> 8:
            runs.append((names[numbers[start] >> 8], bytes(v & 255 for v in numbers[start:n]).hex()))
            start = n
    return runs


@lru_cache(maxsize=64)
def _fill_op(color: str) -> str:
    c = rgb(color)
    return f"{_num(c.red)} {_num(c.green)} {_num(c.blue)} rg"


def _num(value: float) -> str:
    """A PDF number: at most 6 decimals, no trailing zeros (colours are cached, so this is rare)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def line_origins(font: str, fitted: Fitted, box: Box, align: Align = "center",
                 valign: Literal["top", "middle", "bottom"] = "middle",
                 char_space: float = 0.0) -> list[tuple[float, float, float, str]]:
    """Where each line of ``fitted`` starts: (x, baseline, character spacing, text), in points.

    The one placement every renderer uses (reportlab here, QPainter for 1:1 printing), so a line
    lands in the same place on the preview and on paper.
    """
    if not fitted.lines:
        return []
    size, step = fitted.size, fitted.size * fitted.leading
    block = (len(fitted.lines) - 1) * step + size
    if valign == "top":
        top = box.y + box.h
    elif valign == "bottom":
        top = box.y + block
    else:
        top = box.y + (box.h + block) / 2
    baseline = top - size * 0.88  # the font's ascent is about 0.88 em
    measure = _width_table(font)[1].__getitem__
    measured = char_space or align != "left"  # left-aligned lines need no width
    out: list[tuple[float, float, float, str]] = []
    for n, line in enumerate(fitted.lines):
        x, space = box.x, 0.0
        if measured:
            try:
                width = sum(map(measure, line)) * size
            except KeyError:  # a Fitted made elsewhere, with characters not measured yet
                width = text_width(font, line, size)
            if char_space:
                gaps = max(1, len(line) - 1)
                space = max(0.0, min(char_space, (box.w - width) / gaps))  # narrower spacing if tight
                width += space * gaps
            if align == "right":
                x = box.x + box.w - width
            elif align != "left":
                x = box.x + (box.w - width) / 2
        out.append((x, baseline - n * step, space, line))
    return out


def draw_fitted(canvas: Any, font: str, fitted: Fitted, box: Box, align: Align = "center",
                valign: Literal["top", "middle", "bottom"] = "middle", color: str = "#000000",
                char_space: float = 0.0, into: TextBlock | None = None) -> None:
    """Draw lines from :func:`fit` inside ``box``, placed by :func:`line_origins`.

    ``into`` is an open :class:`TextBlock` to add the lines to; without it they get a text object
    of their own.
    """
    if not fitted.lines:
        return
    text = into if into is not None else TextBlock(canvas)
    ops = text.ops
    if canvas.__dict__.get("_yc_fill") != color:  # colour persists across text objects in a page
        ops.append(_fill_op(color))
        canvas.__dict__["_yc_fill"] = color
    codes, names = _glyphs(canvas, font)
    glyph = codes.__getitem__
    tf = f" {fitted.size:g} Tf"
    for x, baseline, space, line in line_origins(font, fitted, box, align, valign, char_space):
        if char_space:
            ops.append(f"{space:.2f} Tc")
        ops.append(f"1 0 0 1 {x:.2f} {baseline:.2f} Tm")
        try:  # the usual case: every character already has a code in the first subset
            runs: Any = ((names[0], bytes(map(glyph, line)).hex()),)
        except (KeyError, ValueError):
            runs = _encode(canvas, font, line, codes, names)
        for name, glyphs in runs:
            if text.font != name + tf:
                text.font = name + tf
                ops.append(text.font)
            ops.append(f"<{glyphs}> Tj")
    if char_space:
        ops.append("0 Tc")
    if into is None:
        text.close()


def draw_qr(canvas: Any, payload: str, x: float, y: float, size: float, color: str = "#000000") -> None:
    """A QR code, bottom-left at (x, y), ``size`` points wide.

    Drawn as a 1-bit stencil mask (an inline image painted in the fill colour, never smoothed): a
    hundred bytes per code, where module rectangles would cost a 1,000-page batch about a second.
    """
    n, data = qr_image(payload)
    canvas.addLiteral(f"q {_fill_op(color)} {size:.2f} 0 0 {size:.2f} {x:.2f} {y:.2f} cm\n"
                      f"BI /W {n} /H {n} /IM true /D [1 0] /F /AHx ID\n{data}>\nEI Q")


@lru_cache(maxsize=64)
def rgb(color: str) -> Any:
    """A reportlab colour from ``#rrggbb``, parsed once (parsing per call costs a batch seconds)."""
    # reportlab on first use, never at start-up (DESIGN.md section 8)
    from reportlab.lib.colors import toColor

    return toColor(color)


def check_image(path: Path) -> None:
    """Refuse a file reportlab cannot draw, with one sentence (seals and logos come from users)."""
    # reportlab on first use, never at start-up (DESIGN.md section 8)
    from reportlab.lib.utils import ImageReader

    try:
        ImageReader(str(path)).getSize()
    except Exception as exc:  # noqa: BLE001 - any decoder failure means "not an image we can print"
        raise UserError(f"无法读取图片 {Path(path).name}，请使用 PNG 或 JPG 文件。") from exc


def draw_image(canvas: Any, path: Path, box: Box) -> None:
    """An image scaled into ``box`` keeping its proportions, centred; PNG transparency kept."""
    canvas.drawImage(str(path), box.x, box.y, box.w, box.h, preserveAspectRatio=True, anchor="c", mask="auto")
