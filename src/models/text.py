"""Text hygiene for every short text column (issue 18 point 7).

A name with a right-to-left override (U+202E) displays reversed, a zero-width joiner makes two
different names look alike, a control character breaks a printed line or a spreadsheet cell.
Every value assigned to a ``String`` column (not ``Text``: JSON and long notes keep their
layout) passes :func:`clean_line`: invisible format characters (Unicode category Cf: bidi
controls, zero-width characters, BOM) are removed, control characters become a space, and the
text is NFC-normalised so one name has one spelling.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from sqlalchemy import String, Text, event
from sqlalchemy.orm import Mapper

_UNSAFE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]")


def _replace(match: re.Match[str]) -> str:
    ch = match.group()
    return " " if unicodedata.category(ch) == "Cc" else ""


def clean_line(value: str) -> str:
    """``value`` without bidi overrides, invisible characters or control characters, NFC-normalised."""
    if value.isascii() and value.isprintable():
        return value
    cleaned = _UNSAFE.sub(_replace, value)
    if not cleaned.isascii():
        cleaned = "".join(ch for ch in cleaned if unicodedata.category(ch) != "Cf")
        cleaned = unicodedata.normalize("NFC", cleaned)
    return cleaned


def _on_set(target: Any, value: Any, oldvalue: Any, initiator: Any) -> Any:
    return clean_line(value) if isinstance(value, str) else value


@event.listens_for(Mapper, "mapper_configured")
def _clean_string_columns(mapper: Mapper[Any], class_: type) -> None:
    """Attach the cleaner to every ``String`` (not ``Text``) column attribute of a mapped class."""
    for prop in mapper.column_attrs:
        column = prop.columns[0]
        if isinstance(column.type, String) and not isinstance(column.type, Text) and prop.parent is mapper:
            event.listen(getattr(class_, prop.key), "set", _on_set, retval=True)
