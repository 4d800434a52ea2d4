"""The interface font: the system's own Chinese UI font where there is one (hinted, sharp on a
Windows screen), the shipped WenQuanYi Micro Hei only where there is none, so Chinese never shows
as boxes. PDFs always embed the shipped font (``yichao.app.pdf``), whatever the screen uses."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from yichao.resources import CJK_FONT_PATH

log = logging.getLogger(__name__)

# Chinese Windows has the first two (Vista and later) and SimSun (every version); the others are
# the macOS and Linux equivalents. Every one of them covers Simplified Chinese.
SYSTEM_UI_FAMILIES: tuple[str, ...] = (
    "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "SimSun",
)


_found: dict[tuple[str, ...], str | None] = {}  # fonts do not come and go while Yichao runs
_bundled: list[str] = []


def system_cjk_family(candidates: tuple[str, ...] = SYSTEM_UI_FAMILIES) -> str | None:
    """The first of ``candidates`` installed on this PC, or None (looked up once per process:
    the font database is not thread-safe, and icon fonts load on a thread later)."""
    if candidates not in _found:
        _found[candidates] = next((f for f in candidates if QFontDatabase.hasFamily(f)), None)
    return _found[candidates]


def install_cjk_font(app: QApplication, candidates: tuple[str, ...] = SYSTEM_UI_FAMILIES) -> str:
    """Make a Chinese font the application font; returns its family name.

    Loading the shipped font reads a 5 MB file, so it is done only when the system has none.
    """
    family = system_cjk_family(candidates) or _add_bundled_font()
    if family is None:
        return app.font().family()
    font = QFont(family)
    font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
    app.setFont(font)
    return family


def _add_bundled_font() -> str | None:
    """Register the shipped font once per process; its family name, or None if it cannot be read."""
    if not _bundled:
        font_id = QFontDatabase.addApplicationFont(str(CJK_FONT_PATH))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            log.error("could not load the CJK font %s", CJK_FONT_PATH)
            return None
        _bundled.append(families[0])
    return _bundled[0]
