"""File names made from what clerks type (a project title, a site name, an attachment's name).

Windows refuses ``\\ / : * ? " < > |`` and control characters in a name, silently drops trailing
dots and spaces, reserves CON, PRN, AUX, NUL, COM1-9 and LPT1-9 (with any extension), and most
programs still break past 260 characters of path. :func:`safe_filename` makes any text a name that
works on every PC, and keeps it readable: forbidden ASCII punctuation becomes its full-width
Chinese twin where there is one.
"""

from __future__ import annotations

import re
import unicodedata

MAX_STEM = 80  # characters of the name before the suffix: room for the folder in a 260-character path

_TWINS = str.maketrans({":": "：", "?": "？", "*": "＊", '"': "＂", "<": "＜", ">": "＞", "|": "｜",
                        "/": "／", "\\": "＼"})
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def safe_filename(text: str, suffix: str = "", max_stem: int = MAX_STEM, fallback: str = "未命名",
                  tail: str = "") -> str:
    """A file name from ``text`` (plus ``suffix``, e.g. ".pdf") that any Windows PC accepts.

    ``text`` may already end in ``suffix``; it is not doubled. ``tail`` is fixed words after the
    text ("评分表", a period): a long text is shortened before it, so the tail and suffix survive.
    """
    stem = unicodedata.normalize("NFC", text or "")
    if suffix and not tail and stem.lower().endswith(suffix.lower()):
        stem = stem[: -len(suffix)]
    end = _clean(tail)[: max_stem // 2]
    stem = (_clean(stem)[: max_stem - len(end)] + end).rstrip(". ").lstrip(" ")
    if not stem or set(stem) <= {"."}:
        stem = fallback
    base = stem.split(".")[0].rstrip(" ")
    if _RESERVED.match(base):
        stem = "_" + stem
    return stem + _safe_suffix(suffix)


def _clean(text: str) -> str:
    """No control or format characters, forbidden punctuation as its full-width twin, one space."""
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in unicodedata.normalize("NFC", text))
    return _SPACES.sub(" ", text.translate(_TWINS)).strip()


def _safe_suffix(suffix: str) -> str:
    cleaned = "".join(ch for ch in suffix if ch.isalnum() or ch == ".")
    return cleaned if cleaned in ("", ".") or cleaned.startswith(".") else "." + cleaned
