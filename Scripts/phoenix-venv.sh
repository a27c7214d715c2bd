#!/usr/bin/env bash
# Creates (if missing) a Python venv with the Arize Phoenix server (PyPI arize-phoenix==20.26.1) and prints the path of
# its python, for Scripts/phoenix-run.sh and the PHOENIX_PYTHON test variable. The install takes about 45-80 s and
# 850 MB; later calls only check that `phoenix` imports at the pinned version.
#
# Usage: Scripts/phoenix-venv.sh [VENV_DIR]      (default: .build/phoenix-venv)
#        export PHOENIX_PYTHON="$(Scripts/phoenix-venv.sh)"
set -euo pipefail

venv="${1:-.build/phoenix-venv}"
python="${PYTHON:-python3}"
version='20.26.1'

installed() {
    "$venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('arize-phoenix') != '$version')" \
        >/dev/null 2>&1
}

if [ ! -x "$venv/bin/python" ] || ! installed; then
    "$python" -m venv "$venv" >&2
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "arize-phoenix==$version" >&2
fi

echo "$(cd "$venv" && pwd)/bin/python"
