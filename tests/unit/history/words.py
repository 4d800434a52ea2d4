"""What must never reach a label of a change log: table names, field names, UUIDs, Python's None/False."""

from __future__ import annotations

import re

from yichao.models.base import Base
from yichao.models.registry import import_all

UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-")
PYTHON_WORDS = {"None", "False", "True", "null", "nan"}


def schema_words() -> set[str]:
    """Every table and column name of the schema (only those with a letter run of 2+, as a clerk would spot)."""
    import_all()
    words: set[str] = set()
    for table in Base.metadata.tables.values():
        words.add(table.name)
        words.update(c.name for c in table.columns)
    return {w for w in words if len(w) > 1}


def leaks(text: str, words: set[str]) -> list[str]:
    """The forbidden things in ``text``: UUIDs, schema names as whole words, Python's literals."""
    found = UUID.findall(text)
    tokens = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text))
    found += sorted(tokens & (words | PYTHON_WORDS))
    return found
