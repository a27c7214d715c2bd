#!/usr/bin/env bash
# The quick start, one command from a clean clone (needs only Swift and libyaml-dev):
#   1. builds `scaffold`;
#   2. generates two exporter packages from their bundled specs (Examples/Exporters/file and .../atif; a no-op when
#      they are up to date, so edit a spec and run this again to see regeneration);
#   3. vendors both into the agent demo with `scaffold vendor` (left alone when the copy is identical);
#   4. builds the agent demo with them and runs it: three concurrent conversations, the trace on the console, the
#      files it wrote and each exporter's statistics.
# Arguments go to agent-demo (e.g. --otlp-endpoint http://127.0.0.1:6006/v1/traces, --output-dir DIR).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== building scaffold"
swift build --product scaffold
scaffold=.build/debug/scaffold

for example in file atif; do
    echo "== scaffold generate Examples/Exporters/$example/exporter.yaml"
    "$scaffold" generate "Examples/Exporters/$example/exporter.yaml"
    echo "== scaffold vendor Examples/Exporters/$example --into Examples/AgentDemo"
    "$scaffold" vendor "Examples/Exporters/$example" --into Examples/AgentDemo
done

echo "== building and running the agent demo"
swift run --package-path Examples/AgentDemo agent-demo "$@"
