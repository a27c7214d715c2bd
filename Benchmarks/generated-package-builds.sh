#!/usr/bin/env bash
# Cold `swift build` of four generated packages (span+console, raw+file, span+http, otel+otlp: the golden packages of
# Tests/ScaffoldGeneratorTests/Golden) against a runtime checkout, and the runtime modules each one compiled.
# Usage: [PACKAGES="span-console ..."] Benchmarks/generated-package-builds.sh [RUNTIME_CHECKOUT] [GOLDEN_CHECKOUT]
#   RUNTIME_CHECKOUT  the exporter-scaffold checkout the packages depend on (default: this one)
#   GOLDEN_CHECKOUT   where the golden packages are taken from (default: RUNTIME_CHECKOUT), so that an older commit's
#                     runtime is measured with the packages its own generator wrote
# Prints one JSON line per package: {"package", "cold_build_seconds", "cold_build_cpu_seconds", "runtime_modules"}.
# Each build starts from an empty scratch directory, dependencies included, as a user's first build (or CI's) does.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runtime="$(cd "${1:-$here}" && pwd)"
golden="$(cd "${2:-$runtime}" && pwd)/Tests/ScaffoldGeneratorTests/Golden"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for package in ${PACKAGES:-span-console raw-file http-json otel-otlp}; do
    copy="$work/$package"
    cp -R "$golden/$package" "$copy"
    # The goldens depend on the runtime at ../exporter-scaffold; point them at the checkout being measured.
    sed -i.bak "s|path: \"../exporter-scaffold\"|path: \"$runtime\"|" "$copy/Package.swift"
    rm -f "$copy/Package.swift.bak"
    # Wall time, and the CPU time of the build's processes (user + system), which a busy machine inflates far less.
    TIMEFORMAT='%R %U %S'
    { time swift build --package-path "$copy" --scratch-path "$copy/.build" >"$copy/build.log" 2>&1; } 2>"$copy/time" || {
        cat "$copy/build.log" >&2
        exit 1
    }
    read -r wall user system <"$copy/time"
    modules=$(find "$copy/.build/debug/Modules" "$copy/.build/debug" -maxdepth 1 -name 'Exporter*.swiftmodule' 2>/dev/null \
        | xargs -n1 basename 2>/dev/null | sed 's/\.swiftmodule$//' | sort -u | sed 's/.*/"&"/' | paste -sd, -)
    printf '{"package": "%s", "cold_build_seconds": %.1f, "cold_build_cpu_seconds": %.1f, "runtime_modules": [%s]}\n' \
        "$package" "$wall" "$(awk "BEGIN { print $user + $system }")" "$modules"
done
