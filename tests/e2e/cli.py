"""Calling the installed `yichao` command exactly as outside tests do.

Commands sign in (DESIGN.md section 6). To keep each test about its own command, the helper
remembers the administrator that `yichao init` made for a data folder (or one given with
:func:`remember_admin`) and passes ``--user NAME --password-file FILE`` on the command line, as a
script would; ``sign_in=False`` runs a command without credentials.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
ENV.pop("YICHAO_USER", None)
ENV.pop("YICHAO_PASSWORD_FILE", None)
_ADMINS: dict[Path, tuple[str, Path]] = {}


def remember_admin(data_dir: Path, user: str, password_file: Path) -> None:
    """Sign in as ``user`` in later calls on ``data_dir`` (a folder made without `yichao init`)."""
    _ADMINS[Path(data_dir).resolve()] = (user, Path(password_file))


def password_file_for(data_dir: Path, password: str) -> Path:
    """A password file beside ``data_dir`` holding ``password``."""
    path = Path(data_dir).parent / f"{Path(data_dir).name}.password"
    path.write_text(password + "\n", encoding="utf-8")
    return path


def _option(args: tuple[str, ...], name: str) -> str | None:
    return args[args.index(name) + 1] if name in args and args.index(name) + 1 < len(args) else None


def yichao(*args: str, data_dir: Path | None = None, timeout: float = 600,
           sign_in: bool = True) -> subprocess.CompletedProcess[str]:
    """Run `yichao [--data-dir DIR] [--user U --password-file F] ARGS...`.

    YICHAO_CLI names another build (e.g. the frozen one)."""
    program = os.environ.get("YICHAO_CLI") or shutil.which("yichao") or "yichao"
    login: list[str] = []
    known = _ADMINS.get(Path(data_dir).resolve()) if data_dir else None
    if sign_in and known and "--user" not in args and args[:1] != ("init",):
        login = ["--user", known[0], "--password-file", str(known[1])]
    cmd = [program, *(["--data-dir", str(data_dir)] if data_dir else []), *login, *args]
    done = subprocess.run(cmd, capture_output=True, text=True, env=ENV, timeout=timeout)
    admin, password_file = _option(args, "--admin"), _option(args, "--password-file")
    if args[:1] == ("init",) and done.returncode == 0 and data_dir and admin and password_file:
        remember_admin(data_dir, admin, Path(password_file))
    return done


def init_street(folder: Path, password_file: Path | None = None, password: str = "secret123") -> Path:
    """`yichao init` the test street (甸柳街道 370102001 under 历下区 370102) with the administrator
    ``admin``; later calls on ``folder`` sign in as admin. Returns the password file (by default
    ``pw.txt`` beside the folder)."""
    pw = password_file or Path(folder).parent / "pw.txt"
    pw.parent.mkdir(parents=True, exist_ok=True)
    pw.write_text(password + "\n", encoding="utf-8")
    done = yichao("init", "--role", "street", "--code", "370102001", "--name", "甸柳街道", "--parent-code", "370102",
                  "--parent-name", "历下区", "--admin", "admin", "--password-file", str(pw), data_dir=folder)
    assert done.returncode == 0, done.stderr
    return pw
