#!/usr/bin/env bash
# A user's first `swift build` + `swift test` of a freshly generated package: `scaffold new` into an empty directory,
# then a cold build of the package and its tests (empty scratch directory, dependencies included) and the test run,
# RUNS times per kind, against a runtime checkout. Also lists the modules each build compiled and the shared
# libraries its test bundle links, which show what a console-only exporter does not compile (HTTP, zlib, protobuf).
# Usage: [RUNS=3] [KINDS="console otel"] Benchmarks/generated-package-first-test.sh [SCAFFOLD] [RUNTIME_CHECKOUT]
#   SCAFFOLD          the scaffold binary (default: .build/debug/scaffold of this checkout)
#   RUNTIME_CHECKOUT  the exporter-scaffold checkout the packages depend on (default: this one)
# Prints one JSON line per run: {"kind", "run", "build_seconds", "build_cpu_seconds", "test_seconds", "total_seconds",
# "tests_passed", "modules", "links"}, then the load average.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
scaffold="$(cd "$(dirname "${1:-$here/.build/debug/scaffold}")" && pwd)/$(basename "${1:-scaffold}")"
runtime="$(cd "${2:-$here}" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# kind → `scaffold new` options
options() {
    case "$1" in
        console) echo "--base span --transport console" ;;
        otel) echo "--base otel --transport otlp" ;;
        *) echo "unknown kind $1" >&2; exit 64 ;;
    esac
}

TIMEFORMAT='%R %U %S'
for kind in ${KINDS:-console otel}; do
    for run in $(seq 1 "${RUNS:-3}"); do
        package="$work/$kind-$run"
        # shellcheck disable=SC2046
        "$scaffold" new exporter "first_$kind" $(options "$kind") --runtime-path "$runtime" --output "$package" \
            --yes >"$work/new.log" 2>&1 || { cat "$work/new.log" >&2; exit 1; }
        { time swift build --build-tests --package-path "$package" >"$package/build.log" 2>&1; } 2>"$package/build.time" \
            || { cat "$package/build.log" >&2; exit 1; }
        { time swift test --skip-build --package-path "$package" >"$package/test.log" 2>&1; } 2>"$package/test.time" \
            || { cat "$package/test.log" >&2; exit 1; }
        read -r build_wall build_user build_system <"$package/build.time"
        read -r test_wall _ _ <"$package/test.time"
        passed=$(grep -Eo 'Test run with [0-9]+ tests? in [0-9]+ suites? passed' "$package/test.log" | grep -Eo '[0-9]+ tests?' | head -1 || true)
        modules=$(find "$package/.build/debug/Modules" -maxdepth 1 -name '*.swiftmodule' 2>/dev/null \
            | xargs -n1 basename | sed 's/\.swiftmodule$//' | sort -u | sed 's/.*/"&"/' | paste -sd, -)
        bundle=$(find "$package/.build/debug/" -maxdepth 1 -name '*.xctest' | head -1)
        links=$(ldd "$bundle" 2>/dev/null | awk '{print $1}' | grep -E 'libz\.|FoundationNetworking|libcurl|Protobuf' \
            | sed 's/.*/"&"/' | paste -sd, - || true)
        printf '{"kind": "%s", "run": %d, "build_seconds": %.1f, "build_cpu_seconds": %.1f, "test_seconds": %.1f, "total_seconds": %.1f, "tests_passed": "%s", "modules": [%s], "links": [%s]}\n' \
            "$kind" "$run" "$build_wall" "$(awk "BEGIN { print $build_user + $build_system }")" "$test_wall" \
            "$(awk "BEGIN { print $build_wall + $test_wall }")" "$passed" "$modules" "$links"
        rm -rf "$package"
    done
done
echo "load: $(uptime)"
