#!/usr/bin/env bash
# Install Yichao into .venv and start it (default store: SQLite in the user's data folder).
set -euo pipefail
args=("$@")
set --  # setup-env.sh reads its own arguments as extra Debian packages
source "$(dirname "$0")/setup-env.sh"
"$PY" -m pip install -q -e "$ROOT"
exec "$VENV/bin/yichao" "${args[@]}"
