#!/usr/bin/env bash
# Creates (if missing) a Python venv with the OTLP reference descriptors (PyPI opentelemetry-proto, the version the
# committed Swift code was generated from) and prints the path of its python, for Scripts/otlp-decode.py and the
# OTLP_DECODER test variable.
#
# Usage: Scripts/otlp-venv.sh [VENV_DIR]      (default: .build/otlp-venv)
#        export OTLP_DECODER="$(Scripts/otlp-venv.sh)"
set -euo pipefail

venv="${1:-.build/otlp-venv}"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import opentelemetry.proto' >/dev/null 2>&1; then
    "$python" -m venv "$venv" >&2
    "$venv/bin/python" -m pip install --quiet 'opentelemetry-proto==1.45.2' >&2
fi

echo "$(cd "$venv" && pwd)/bin/python"
