"""A certificate layout is named the way a clerk says it (横版, 竖版, "A4 横版") or by its file name."""

from __future__ import annotations

import pytest

from yichao.app.certificates import layout_name, load_layout
from yichao.app.core import UserError


@pytest.mark.parametrize(("said", "name"), [("横版", "landscape"), ("竖版", "portrait"), ("A4 竖版", "portrait"),
                                           ("A4横版", "landscape"), ("landscape", "landscape"),
                                           ("Portrait", "portrait"), (" 竖版 ", "portrait")])
def test_layout_by_word_label_or_name(said, name) -> None:
    assert layout_name(said) == name
    assert load_layout(said).name == name


def test_an_unknown_layout_lists_the_words() -> None:
    with pytest.raises(UserError, match="可选：横版（landscape）、竖版（portrait）"):
        load_layout("斜版")
