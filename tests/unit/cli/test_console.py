"""The CLI on a Chinese Windows PC (issue 20 point 2): output redirected in GBK, or no output at
all (a windowed exe), never kills a command; redirected output is UTF-8."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from yichao.app.cli import main

HARD = "甸柳\u00a0•😀䶮"  # NBSP from Excel, a bullet, an emoji, a rare CJK character: none is in GBK


class _Stream(io.TextIOWrapper):
    """A text stream over bytes, a console or a file as the test says."""

    def __init__(self, encoding: str, console: bool) -> None:
        super().__init__(io.BytesIO(), encoding=encoding, errors="strict")
        self._console = console

    def isatty(self) -> bool:
        return self._console

    def data(self) -> bytes:
        self.flush()
        return self.buffer.getvalue()  # type: ignore[attr-defined]


def _scores(tmp_path: Path) -> Path:
    path = tmp_path / "scores.json"
    path.write_text(json.dumps({
        "criteria": [{"name": "c", "weight": 1.0, "max": 10}], "judges": ["j"], "projects": [HARD, "b"],
        "scores": {HARD: {"j": [9]}, "b": {"j": [5]}}, "recusals": [],
    }, ensure_ascii=False), encoding="utf-8")
    return path


def test_output_redirected_in_gbk_becomes_utf8_and_keeps_every_character(tmp_path, monkeypatch):
    with pytest.raises(UnicodeEncodeError):
        HARD.encode("gbk")
    out, err = _Stream("gbk", console=False), _Stream("gbk", console=False)
    monkeypatch.delenv("PYTHONIOENCODING", raising=False)
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["roadshow", "rank", str(_scores(tmp_path))]) == 0
    assert json.loads(out.data().decode("utf-8"))[0]["project"] == HARD


def test_a_gbk_console_shows_a_replacement_instead_of_dying(tmp_path, monkeypatch):
    out, err = _Stream("gbk", console=True), _Stream("gbk", console=True)
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["roadshow", "rank", str(_scores(tmp_path))]) == 0
    text = out.data().decode("gbk")
    assert "甸柳" in text and "?" in text
    assert main(["roadshow", "rank", str(tmp_path / f"{HARD}.json")]) == 1  # the error names the file
    assert "无法读取评分文件" in err.data().decode("gbk")


def test_no_streams_at_all_as_in_a_windowed_exe(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["roadshow", "rank", str(_scores(tmp_path))]) == 0
    assert main(["roadshow", "rank", str(tmp_path / "missing.json")]) == 1


def _street_with_a_hard_name(workspace, tmp_path: Path) -> tuple[list[str], str]:
    """A street holding an organization whose name GBK cannot write; the CLI's sign-in arguments."""
    from yichao.app.orgs import OrgInput, create_org

    stored = create_org(workspace, OrgInput(name=f"夕阳{HARD}艺术团")).name
    folder = workspace.data_dir
    workspace.close()
    pw = tmp_path / "pw.txt"
    pw.write_bytes(b"'secret123' \r\n")  # as cmd.exe's echo writes it
    return ["--data-dir", str(folder), "--user", "admin", "--password-file", str(pw)], stored


def test_list_json_redirected_on_a_chinese_pc_is_utf8_json(workspace, tmp_path, monkeypatch):
    """`yichao list orgs --json > orgs.json` in cmd.exe: stdout is a file in GBK; the file is UTF-8."""
    args, stored = _street_with_a_hard_name(workspace, tmp_path)
    assert "•😀䶮" in stored
    out, err = _Stream("gbk", console=False), _Stream("gbk", console=False)
    monkeypatch.delenv("PYTHONIOENCODING", raising=False)
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    assert main([*args, "list", "orgs", "--json"]) == 0, err.data()
    rows = [json.loads(line) for line in out.data().decode("utf-8").splitlines()]
    assert stored in {row["name"] for row in rows}
    assert main([*args, "list", "orgs"]) == 0  # the table form too
    assert stored in out.data().decode("utf-8")


def test_list_json_with_no_stdout_at_all_does_not_die(workspace, tmp_path, monkeypatch):
    args, _ = _street_with_a_hard_name(workspace, tmp_path)
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert main([*args, "list", "orgs", "--json"]) == 0
    with pytest.raises(SystemExit) as usage:  # argparse's usage error goes nowhere, quietly
        main([*args, "list", "orgs", "--bogus"])
    assert usage.value.code == 2
