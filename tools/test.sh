#!/usr/bin/env bash
# Install what the tests need (Debian: Qt's libraries, poppler-utils, PostgreSQL, zbar, binutils and
# libpython for PyInstaller; Python: .[test,postgres,build])
# and run the whole suite with Qt offscreen, after the dependency-rule contract, lint and types.
set -euo pipefail
args=("$@")
set --
# PyInstaller (the frozen-build test) needs objdump and the Python shared library, which a bare
# Debian's python3 lacks: libpython3.11 on bookworm, whatever the system's python3 is elsewhere
PYVER="$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
source "$(dirname "$0")/setup-env.sh" poppler-utils postgresql zbar-tools binutils "libpython$PYVER"
"$PY" -m pip install -q -e "$ROOT[test,postgres,build]"
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
export PATH="$VENV/bin:$PATH"
echo "== import contracts (ui -> app -> models)"
lint-imports
echo "== lint (ruff)"
ruff check src tests tools
echo "== types (mypy)"
"$PY" tools/typecheck.py
echo "== tests"
exec "$PY" -m pytest -p no:cacheprovider "${args[@]}"
