"""A key file written to a USB stick (issue 20 point 3): a stick that is not there is one sentence."""

from __future__ import annotations

import json

import pytest

from yichao.app.core import UserError
from yichao.app.sync import export_key_file


def test_a_key_file_to_a_stick_that_is_not_there_is_one_sentence(workspace, tmp_path):
    with pytest.raises(UserError) as caught:
        export_key_file(workspace, tmp_path / "E" / "370102001.ycbkey")
    assert "\n" not in caught.value.message
    stick = tmp_path / "stick"
    stick.mkdir()
    written = export_key_file(workspace, stick / "370102001.ycbkey")
    assert json.loads((stick / "370102001.ycbkey").read_text(encoding="utf-8"))["site"] == written.code
    assert [p.name for p in stick.iterdir()] == ["370102001.ycbkey"]  # no .part left
