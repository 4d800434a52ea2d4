"""The Windows-only build pieces that cannot run here are at least consistent (issue 20 point 1):
the version resource, the icon, build.spec's two programs, the installer script, the CI workflow."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import version_info  # noqa: E402

VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def _evaluate(text: str) -> dict:
    """Evaluate the version file as PyInstaller does (eval), with stand-ins for its classes."""
    def make(kind: str):
        return lambda *args, **kwargs: {"kind": kind, "args": args, **kwargs}

    names = {n: make(n) for n in ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable",
                                   "StringStruct", "VarFileInfo", "VarStruct")}
    return eval(text, {"__builtins__": {}}, names)  # noqa: S307 - our own generated text


def test_the_version_resource_carries_pyprojects_version() -> None:
    info = _evaluate(version_info.version_info("yichao-gui", VERSION, "益巢 Yichao"))
    assert info["ffi"]["filevers"] == version_info.version_tuple(VERSION)
    strings = dict(s["args"] for s in info["kids"][0]["args"][0][0]["args"][1])
    assert strings["ProductVersion"] == VERSION and strings["OriginalFilename"] == "yichao-gui.exe"
    assert version_info.version_tuple("1.2.3.dev4") == (1, 2, 3, 0)
    assert version_info.version_tuple("2") == (2, 0, 0, 0)


def test_the_icon_has_every_size_windows_asks_for() -> None:
    with Image.open(ROOT / "resources" / "icons" / "yichao.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(ROOT / "resources" / "icons" / "yichao.png") as png:
        assert png.size == (256, 256)


def test_build_spec_makes_a_windowed_and_a_console_program_with_icon_and_version() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert 'program(NAME, console=True)' in spec and 'program(f"{NAME}-gui", console=False)' in spec
    assert "icon=str(ICON)" in spec and "version=str(VERSION_FILES[exe_name])" in spec
    assert "psycopg_binary" in spec and "qtbase_zh_CN.qm" in spec
    assert (ROOT / "tools" / "frozen_gui.py").exists() and (ROOT / "tools" / "frozen_main.py").exists()


def test_the_installer_script_installs_per_user_or_machine_and_keeps_the_data() -> None:
    raw = (ROOT / "installer" / "yichao.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads a script without a BOM as ANSI"
    iss = raw.decode("utf-8-sig").replace("\r\n", "\n")
    assert "PrivilegesRequired=lowest" in iss and "PrivilegesRequiredOverridesAllowed=dialog commandline" in iss
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", iss, re.MULTILINE), "a fixed AppId makes upgrades in place"
    shortcuts = [line for line in iss.splitlines() if line.startswith('Name: "{auto')]
    assert len(shortcuts) == 3 and all("yichao-gui.exe" in s or "yichao.exe" in s for s in shortcuts)
    assert any("{autodesktop}" in s for s in shortcuts) and any("{autoprograms}" in s for s in shortcuts)
    from yichao.ui.launch import APP_USER_MODEL_ID

    assert f'AppUserModelID: "{APP_USER_MODEL_ID}"' in iss
    assert "[UninstallDelete]" not in iss.split("; No [UninstallDelete]")[0]
    assert "Yichao\\" not in iss.split("[Files]")[1].split("[Icons]")[0]  # nothing installed into the data folder


def test_the_windows_workflow_builds_runs_and_checks_what_must_be_bundled() -> None:
    flow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    assert "runs-on: windows-latest" in flow and "pyinstaller build.spec" in flow
    for needed in ("--screenshot", " check", "qtbase_zh_CN.qm", "yichao_zh_CN.qm", "psycopg_binary", "libpq",
                   "yichao-gui.exe", "installer\\yichao.iss"):
        assert needed in flow, needed


def _steps(flow: str) -> dict[str, str]:
    """The workflow's steps by name (their whole text, the run script included)."""
    parts = re.split(r"^      - (?:name: |uses: )", flow, flags=re.MULTILINE)[1:]
    return {part.splitlines()[0]: part for part in parts}


def test_the_workflows_driver_check_looks_for_the_sentence_yichao_prints() -> None:
    from types import SimpleNamespace

    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    from yichao.app.core.workspace import server_sentence

    flow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    (step,) = [text for name, text in _steps(flow).items() if name.startswith("The driver loads")]
    refused = OperationalError("connect", {}, Exception("connection refused"))
    printed = server_sentence(refused, SimpleNamespace(url=make_url("postgresql+psycopg://yichao@127.0.0.1:1/y")))
    expected = re.search(r'-notmatch "([^"]+)"', step)
    assert expected and expected.group(1) in printed
    # PowerShell decodes a program's output in the console's code page unless told: yichao writes UTF-8
    assert "[Console]::OutputEncoding = [Text.Encoding]::UTF8" in step.split("$out =")[0]


def test_the_workflows_cmd_steps_are_plain_ascii() -> None:
    """cmd.exe reads a script in the console's code page: Chinese in it would reach Python garbled."""
    flow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    cmd_steps = [text for text in _steps(flow).values() if "shell: cmd" in text]
    assert cmd_steps
    for text in cmd_steps:
        script = text.split("run: |", 1)[1]
        assert script.isascii(), [line for line in script.splitlines() if not line.isascii()]


def test_the_workflow_checks_that_dpapi_protects_the_data_key_in_the_frozen_build() -> None:
    from yichao.app.core import datakey

    flow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    (step,) = [text for name, text in _steps(flow).items() if name.startswith("Set up a street")]
    assert f'StartsWith("{datakey._DPAPI.decode()}")' in step and "keys\\data.key" in step
    assert step.index("StartsWith") > step.index(" init ")
