#!/usr/bin/env bash
# Creates (if missing) a Python venv with the ATIF v1.6 reference model (PyPI nvidia-nat-atif==1.6.0) and prints
# the path of its python, for Scripts/validate-atif.py and the ATIF_VALIDATOR test variable.
#
# Usage: Scripts/atif-venv.sh [VENV_DIR]      (default: .build/atif-venv)
#        export ATIF_VALIDATOR="$(Scripts/atif-venv.sh)"
set -euo pipefail

venv="${1:-.build/atif-venv}"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import nat.atif' >/dev/null 2>&1; then
    "$python" -m venv "$venv" >&2
    "$venv/bin/python" -m pip install --quiet 'nvidia-nat-atif==1.6.0' >&2
fi

echo "$(cd "$venv" && pwd)/bin/python"
