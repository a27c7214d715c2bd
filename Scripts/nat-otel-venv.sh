#!/usr/bin/env bash
# Creates (if missing) a Python venv with the toolkit's core and OpenTelemetry packages (PyPI nvidia-nat-core and
# nvidia-nat-opentelemetry 1.9.0) and prints the path of its python, for Scripts/toolkit-parity-fixture.py, which
# records the attribute-parity fixtures with the toolkit's own exporters. Only needed to re-record them; the tests
# read the committed fixtures.
#
# Usage: Scripts/nat-otel-venv.sh [VENV_DIR]      (default: .build/nat-otel-venv)
set -euo pipefail

venv="${1:-.build/nat-otel-venv}"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import nat.plugins.opentelemetry' >/dev/null 2>&1; then
    "$python" -m venv "$venv" >&2
    "$venv/bin/python" -m pip install --quiet 'nvidia-nat-core==1.9.0' 'nvidia-nat-opentelemetry==1.9.0' >&2
fi

echo "$(cd "$venv" && pwd)/bin/python"
