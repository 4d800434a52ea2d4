#!/usr/bin/env bash
# Install what the tests need (Debian: Qt's libraries, poppler-utils, PostgreSQL, zbar, binutils for
# PyInstaller's objdump; Python: .[test,postgres,build])
# and run the whole suite with Qt offscreen, after the dependency-rule contract, lint and types.
set -euo pipefail
args=("$@")
set --
source "$(dirname "$0")/setup-env.sh" poppler-utils postgresql zbar-tools binutils
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
