"""The README's command-line examples work as written (issue 20 point 2).

The "Try it" lines run here in a POSIX shell, exactly as printed; the password file is then written
the way PowerShell 5.1 (UTF-16 with a BOM) and cmd.exe (quotes, a trailing space, CRLF) write it,
and the examples sign in with each. The redirection examples (cmd.exe keeps a program's bytes as
bash does) must give UTF-8 JSON. Only the last line, which opens the window, is not run.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = str(Path(sys.executable).parent)  # where `yichao` is installed beside this Python


def _block_after(marker: str, language: str) -> list[str]:
    """The lines of the first ```language block after ``marker`` in the README."""
    tail = README.split(marker, 1)[1]
    match = re.search(rf"```{language}\n(.*?)```", tail, re.DOTALL)
    assert match, f"no {language} block after {marker!r}"
    return [line for line in match.group(1).splitlines() if line.strip()]


def _shell(line: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("YICHAO_")}
    env.update(PATH=BIN + os.pathsep + env.get("PATH", ""), QT_QPA_PLATFORM="offscreen", HOME=str(cwd),
               XDG_CONFIG_HOME=str(cwd / ".config"), XDG_DATA_HOME=str(cwd / ".local"))
    return subprocess.run(["bash", "-c", line], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def tried(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A folder where the "Try it" lines ran, and those lines."""
    cwd = tmp_path_factory.mktemp("readme")
    lines = _block_after("Try it", "sh")
    assert lines[-1].endswith(" gui"), lines  # the window: not run here
    for line in lines[:-1]:
        done = _shell(line, cwd)
        assert done.returncode == 0, (line, done.stderr)
        assert "Traceback" not in done.stderr
    return cwd, lines


def test_the_try_it_lines_run_as_written(tried) -> None:
    cwd, lines = tried
    assert lines[0] == "echo 'secret123' > pw.txt"
    listing = _shell(lines[-2], cwd)
    assert listing.returncode == 0, listing.stderr
    rows = [json.loads(line) for line in listing.stdout.splitlines()]
    assert rows and all("uid" in row and "number" in row for row in rows)


@pytest.mark.parametrize(
    "written",
    [codecs.BOM_UTF16_LE + "secret123\r\n".encode("utf-16-le"), b"'secret123' \r\n"],
    ids=["powershell-5.1", "cmd.exe"],
)
def test_the_password_file_as_windows_shells_write_it_signs_in(tried, written: bytes) -> None:
    cwd, lines = tried
    (cwd / "pw.txt").write_bytes(written)
    try:
        done = _shell(lines[-2], cwd)
        assert done.returncode == 0, done.stderr
        assert done.stdout.count("\n") >= 1
    finally:
        (cwd / "pw.txt").write_bytes(b"secret123\n")


def test_the_redirection_examples_write_utf8_json(tried) -> None:
    cwd, _ = tried
    (direct,) = _block_after("no character stops a command", "sh")
    (through_cmd,) = _block_after("hand the redirection to cmd.exe", "powershell")
    inner = re.fullmatch(r'cmd /c "(.*)"', through_cmd)
    assert inner, through_cmd
    for line in (direct, inner.group(1)):
        (cwd / "orgs.json").unlink(missing_ok=True)
        done = _shell(line, cwd)
        assert done.returncode == 0, (line, done.stderr)
        rows = [json.loads(row) for row in (cwd / "orgs.json").read_bytes().decode("utf-8").splitlines()]
        assert rows and all({"uid", "name"} <= set(row) for row in rows)
        assert any(re.search(r"[\u4e00-\u9fff]", row["name"]) for row in rows)
