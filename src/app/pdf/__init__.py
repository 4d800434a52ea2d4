"""What every PDF writer shares: the embedded CJK font, drawing helpers, QR codes, table styles.

The names below are the use cases pages and the CLI call; the modules behind them are private
to this package (tests may reach into them)."""

from yichao.app.pdf.calibration import calibration_sheet, cross_positions, offset_from_ruler
from yichao.app.pdf.document import (
    MM,
    Box,
    TextBlock,
    check_image,
    draw_fitted,
    draw_image,
    draw_qr,
    fit,
    new_canvas,
    rgb,
)
from yichao.app.pdf.fonts import missing_glyphs, register_cjk_font, require_drawable
from yichao.app.pdf.qr import qr_matrix
from yichao.app.pdf.sheet import Code, Line, Picture, Rect, Sheet, Text, placed, text_width_mm, write_pdf
from yichao.app.pdf.tables import build, grid, para, styles

__all__ = [
    "Code",
    "Line",
    "Picture",
    "Rect",
    "Sheet",
    "Text",
    "calibration_sheet",
    "cross_positions",
    "offset_from_ruler",
    "placed",
    "qr_matrix",
    "text_width_mm",
    "write_pdf",
    "Box",
    "MM",
    "TextBlock",
    "build",
    "check_image",
    "draw_fitted",
    "draw_image",
    "draw_qr",
    "fit",
    "grid",
    "missing_glyphs",
    "new_canvas",
    "para",
    "register_cjk_font",
    "require_drawable",
    "rgb",
    "styles",
]
