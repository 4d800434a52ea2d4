"""Pinyin initials for search: 夕阳情艺术团 -> xyqyst. Stored with the record, never per keystroke."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=8192)
def _char_initial(char: str) -> str:
    # pypinyin reads its dictionaries on first use, not at start-up
    from pypinyin import Style, lazy_pinyin

    if char.isascii():
        return char.lower() if char.isalnum() else ""
    letters = lazy_pinyin(char, style=Style.FIRST_LETTER, errors="ignore", strict=False)
    return letters[0].lower() if letters else ""


def initials(text: str) -> str:
    """Lower-case initials of every Chinese character; ASCII letters and digits kept as they are."""
    return "".join(_char_initial(c) for c in (text or ""))
