"""Full-pinyin sort keys (陈 chen < 程 cheng < 崔 cui), kept in a column beside the name.

Sorting by initials alone interleaves 陈, 程 and 崔 (all "c"). A model names its keyed columns in
``__sort_keys__ = {"name_sort": "name"}``; the key is filled wherever a record is written — an ORM
flush (the hook below runs before the journal's, so the journal holds the key), the journal's
bulk paths (imports, the demo) and records applied from a bundle (the receiver computes its own
key, whatever the sender's version was) — so no service has to remember it.

The key is the toneless pinyin of every character, syllables separated by spaces, letters and
digits kept lower-case ("a dong 2 hao lou"); a person's polyphonic surname reads as a surname
(单 shan, 曾 zeng). pypinyin is imported on first use, never at start-up.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

KEY_LENGTH = 200

# Surnames whose reading differs from the character's most common one (百家姓).
SURNAMES = {
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "朴": "piao", "区": "ou", "查": "zha",
    "盖": "ge", "乐": "yue", "覃": "qin", "翟": "zhai", "缪": "miao", "种": "chong", "秘": "bi",
    "召": "shao", "员": "yun", "尉": "yu", "繁": "po", "句": "gou", "重": "chong", "隗": "wei",
    "祭": "zhai", "折": "she", "长": "chang", "万俟": "mo qi", "尉迟": "yu chi",
}


@lru_cache(maxsize=16384)
def _char(char: str) -> str:
    if char.isascii():
        return char.lower() if char.isalnum() else ""
    # pypinyin reads its dictionaries on first use, not at start-up
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(char, style=Style.NORMAL, errors="ignore", strict=False)
    return syllables[0] if syllables else ""


@lru_cache(maxsize=8192)
def _phrase(text: str) -> list[str]:
    """Pinyin read phrase by phrase (重庆 chong qing, 长青 chang qing); for names of groups and
    places, which are few: phrase look-up costs about ten times the per-character one."""
    # pypinyin reads its dictionaries on first use, not at start-up
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(text, style=Style.NORMAL, errors=list, strict=False)  # type: ignore[arg-type]


@lru_cache(maxsize=4096)
def _piece(syllable: str) -> str:
    """A syllable as it enters a key: a single ASCII letter or digit glues to the next and the
    previous of its kind ("a12"), a word stands apart (" chen "), anything else parts its
    neighbours (" ")."""
    if not syllable or not syllable.isalnum():
        return " "
    if len(syllable) == 1 and syllable.isascii():
        return syllable.lower()
    return f" {syllable.lower()} "


def _join(syllables: Iterable[str]) -> str:
    """Syllables with single spaces; a run of ASCII letters or digits stays one word (A12 -> a12),
    other marks are dropped (the pieces joined, then split on their spaces: no Python step per
    syllable)."""
    return " ".join("".join(map(_piece, syllables)).split())[:KEY_LENGTH]


@lru_cache(maxsize=16384)
def _char_piece(char: str) -> str:
    """The piece of one character of a person's name (:func:`_char`, then :func:`_piece`)."""
    return _piece(_char(char))


def pinyin_key(text: str | None, *, person: bool = False) -> str:
    """The sort key of a name: ``陈建国`` -> ``chen jian guo``; ``person`` reads a surname as one."""
    name = "".join((text or "").split())
    if not name:
        return ""
    if not person:
        return _join(_phrase(name) if not name.isascii() else list(name))
    for surname in (name[:2], name[:1]):
        if surname in SURNAMES and len(name) > len(surname):
            return _join([*SURNAMES[surname].split(), *(_char(c) for c in name[len(surname):])])
    return " ".join("".join(map(_char_piece, name)).split())[:KEY_LENGTH]


def _specs(model: type) -> dict[str, str]:
    return getattr(model, "__sort_keys__", {})


def key_for(model: type, source: Any) -> str:
    return pinyin_key(source, person=bool(getattr(model, "__sort_person__", False)))


def fill_rows(model: type, rows: list[dict[str, Any]]) -> None:
    """Set the sort keys of bulk rows (attribute-keyed dicts) from their source columns, in place."""
    person = bool(getattr(model, "__sort_person__", False))
    for key, source in _specs(model).items():
        for row in rows:
            if source in row:
                row[key] = pinyin_key(row[source], person=person)


@event.listens_for(Session, "before_flush", insert=True)
def _fill_before_flush(session: Session, flush_context: Any, instances: Any) -> None:
    """Keys of new records and of records whose name changed, before the journal reads them."""
    for obj in list(session.new) + list(session.dirty):
        specs = _specs(type(obj))
        if not specs:
            continue
        state = inspect(obj)
        for key, source in specs.items():
            if obj in session.new or state.attrs[source].history.has_changes():
                value = key_for(type(obj), getattr(obj, source))
                if getattr(obj, key) != value:
                    setattr(obj, key, value)
