#!/usr/bin/env bash
# Runs exporter-bench and the same event mix through NeMo Agent Toolkit 1.9.0 (Python) in one invocation, then
# prints a side-by-side table and one JSON line per compared figure:
#   {"figure": "P1", "name": ..., "unit": ..., "ours": ..., "toolkit": ..., "ratio": ...}
# ratio = ours / toolkit for rates (higher is better for us). Usage: Benchmarks/compare-toolkit.sh [--quick]
# The venv (Benchmarks/.venv, from PyPI) is created on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=()
for argument in "$@"; do
    case "$argument" in
    --quick) quick=(--quick) ;;
    *) echo "usage: $0 [--quick]" >&2; exit 64 ;;
    esac
done

venv=Benchmarks/.venv
if ! "$venv/bin/python" -c 'import nat.observability, nat.plugins.opentelemetry' 2>/dev/null; then
    echo "compare-toolkit: creating $venv with nvidia-nat-core==1.9.0 and nvidia-nat-opentelemetry==1.9.0" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check \
        nvidia-nat-core==1.9.0 nvidia-nat-opentelemetry==1.9.0 >&2
fi

echo "compare-toolkit: building exporter-bench and scaffold (release)" >&2
swift build -c release --package-path Benchmarks --product exporter-bench >&2
swift build -c release --package-path Benchmarks --product scaffold >&2
bin="$(swift build -c release --package-path Benchmarks --show-bin-path)"

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
echo "compare-toolkit: running exporter-bench ${quick[*]:-}" >&2
"$bin/exporter-bench" "${quick[@]}" | tee "$results/ours.jsonl" >&2
echo "compare-toolkit: running the toolkit on the same event mix" >&2
"$venv/bin/python" Benchmarks/toolkit/toolkit_bench.py "${quick[@]}" 2>"$results/toolkit.log" \
    | tee "$results/toolkit.jsonl" >&2

python3 Benchmarks/toolkit/combine.py "$results/ours.jsonl" "$results/toolkit.jsonl"
