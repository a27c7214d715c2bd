#!/usr/bin/env bash
# Creates (if missing) a Python venv with the MLflow tracking server (PyPI mlflow==3.17.2) and prints the path of its
# python, for Scripts/mlflow-run.sh and the MLFLOW_PYTHON test variable. The install takes about 190 s and 850 MB on
# a cold machine, so the venv lives outside the clone (a clean CI clone reuses it) and is reused while its stamp
# (the pinned versions, written only after a complete install) matches and `mlflow` imports at the pinned version.
# (3.18.0 does not install: its mlflow-tracing==3.18.0 is not published.)
#
# Usage: Scripts/mlflow-venv.sh [VENV_DIR]   (default: ${XDG_CACHE_HOME:-~/.cache}/exporter-scaffold/mlflow-venv)
#        export MLFLOW_PYTHON="$(Scripts/mlflow-venv.sh)"
set -euo pipefail

venv="${1:-${XDG_CACHE_HOME:-$HOME/.cache}/exporter-scaffold/mlflow-venv}"
python="${PYTHON:-python3}"
version='3.17.2'
stamp="mlflow==$version"

intact() {
    [ -x "$venv/bin/python" ] && [ "$(cat "$venv/.scaffold-stamp" 2>/dev/null)" = "$stamp" ] &&
        "$venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('mlflow') != '$version')" \
            >/dev/null 2>&1
}

if ! intact; then
    # A half-finished or outdated venv is replaced whole: pip into a broken venv can leave it inconsistent. Only a
    # venv is removed, never a directory that is something else.
    if [ -e "$venv" ] && [ ! -f "$venv/pyvenv.cfg" ]; then
        echo "mlflow-venv: $venv exists and is not a Python venv; not touching it" >&2
        exit 1
    fi
    rm -rf "$venv"
    mkdir -p "$(dirname "$venv")"
    "$python" -m venv "$venv" >&2
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "mlflow==$version" >&2
    echo "$stamp" >"$venv/.scaffold-stamp"
fi

echo "$(cd "$venv" && pwd)/bin/python"
