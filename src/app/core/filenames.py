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


def safe_filename(text: str, suffix: str = "", max_stem: int = MAX_STEM, fallback: str = "未命名") -> str:
    """A file name from ``text`` (plus ``suffix``, e.g. ".pdf") that any Windows PC accepts.

    ``text`` may already end in ``suffix``; it is not doubled.
    """
    stem = unicodedata.normalize("NFC", text or "")
    if suffix and stem.lower().endswith(suffix.lower()):
        stem = stem[: -len(suffix)]
    stem = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in stem)  # controls, format chars
    stem = _SPACES.sub(" ", stem.translate(_TWINS)).strip()
    stem = stem[:max_stem].rstrip(". ").lstrip(" ")
    if not stem or set(stem) <= {"."}:
        stem = fallback
    base = stem.split(".")[0].rstrip(" ")
    if _RESERVED.match(base):
        stem = "_" + stem
    return stem + _safe_suffix(suffix)


def _safe_suffix(suffix: str) -> str:
    cleaned = "".join(ch for ch in suffix if ch.isalnum() or ch == ".")
    return cleaned if cleaned in ("", ".") or cleaned.startswith(".") else "." + cleaned
