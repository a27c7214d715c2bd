#!/usr/bin/env bash
# Creates (if missing) a Python venv with the toolkit's core package (PyPI nvidia-nat-core==1.9.0) and prints the
# path of its python, for Scripts/toolkit-trace-fixture.py, Scripts/nat-validate-steps.py and the NAT_PYTHON test
# variable (the toolkit's own pydantic model parses what our IntermediateStep writer writes).
#
# Usage: Scripts/nat-venv.sh [VENV_DIR]      (default: .build/nat-venv)
#        export NAT_PYTHON="$(Scripts/nat-venv.sh)"
set -euo pipefail

venv="${1:-.build/nat-venv}"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import nat.data_models.intermediate_step' >/dev/null 2>&1; then
    "$python" -m venv "$venv" >&2
    "$venv/bin/python" -m pip install --quiet 'nvidia-nat-core==1.9.0' >&2
fi

echo "$(cd "$venv" && pwd)/bin/python"
