#!/usr/bin/env bash
# The project's test command: builds everything (failing on any warning in our own targets), then runs the tests.
# Usage: Scripts/test.sh [extra arguments for `swift test`]
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== swift build --build-tests"
if ! swift build --build-tests 2>&1 | tee "$log"; then
    echo "build failed" >&2
    exit 1
fi
# Warnings in dependencies (under .build/checkouts) are not ours to fix; ours must be zero.
ours=$(grep -E '^/.*: warning: ' "$log" | grep -v '/.build/' | sort -u || true)
if [ -n "$ours" ]; then
    echo "warnings in our targets:" >&2
    echo "$ours" >&2
    exit 1
fi

echo "== swift test"
swift test --skip-build "$@"
