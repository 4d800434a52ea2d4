"""Run mypy on the package `yichao` (configured in pyproject.toml's [tool.mypy]).

The folder src/ is installed as the package `yichao` and resources/ as `yichao.resources` (setuptools'
package-dir mapping); the editable install reaches them through an import hook that mypy cannot follow,
and mypy names a module after its folder. So this script lays out the installed shape under
build/typecheck/yichao/ (links to src/'s entries and to resources/), runs `mypy -p yichao` against it
and prints the findings with the paths an editor knows (src/..., resources/...).

Usage: python tools/typecheck.py [extra mypy arguments]      exit status: mypy's
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parent.parent
SEARCH_PATH = ROOT / "build" / "typecheck"
PACKAGE = SEARCH_PATH / "yichao"


def _link(link: Path, target: Path) -> None:
    """link -> target; a junction (folders) or a copy (files) where Windows refuses symlinks."""
    try:
        link.symlink_to(target, target_is_directory=target.is_dir())
    except OSError:
        if target.is_dir():
            import _winapi  # type: ignore[import-not-found]  # Windows only, and not in typeshed elsewhere

            _winapi.CreateJunction(str(target), str(link))
        else:
            shutil.copyfile(target, link)


def _layout() -> dict[str, str]:
    """Lay out build/typecheck/yichao afresh; return {shown prefix: real prefix} for the findings."""
    if PACKAGE.exists() or PACKAGE.is_symlink():
        if PACKAGE.is_symlink():
            PACKAGE.unlink()
        else:
            for entry in PACKAGE.iterdir():  # links only: never follow them into src/
                if entry.is_symlink() or entry.is_file():
                    entry.unlink()
                else:
                    os.rmdir(entry)  # a Windows junction
            PACKAGE.rmdir()
    PACKAGE.mkdir(parents=True)
    for entry in (ROOT / "src").iterdir():
        if entry.name != "__pycache__":
            _link(PACKAGE / entry.name, entry)
    _link(PACKAGE / "resources", ROOT / "resources")
    shown = str(PACKAGE.relative_to(ROOT)) + os.sep
    return {shown + "resources" + os.sep: "resources" + os.sep, shown: "src" + os.sep}


def main(argv: list[str]) -> int:
    """Type-check the package; findings name files under src/ as an editor knows them."""
    prefixes = _layout()
    os.environ["MYPYPATH"] = str(SEARCH_PATH)
    os.chdir(ROOT)
    out, err, status = api.run(["-p", "yichao", *argv])
    for shown, real in prefixes.items():
        out = out.replace(shown, real)
    sys.stdout.write(out)
    sys.stderr.write(err)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
