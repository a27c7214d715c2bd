#!/usr/bin/env bash
# The project's test command: builds everything (failing on any warning in our own targets), then runs the tests.
# Usage: Scripts/test.sh [extra arguments for `swift test`]
#   SCAFFOLD_EXAMPLE_TESTS=1 (and no arguments): also build and test Examples/AgentDemo, Examples/TracingDemo and
#   IntegrationTests/TracingHummingbird, after the package's tests.
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Builds a package and its tests (swift build ARGS --build-tests); fails on a build error or a warning in our files.
build_without_warnings() {
    echo "== swift build${*:+ $*} --build-tests"
    if ! swift build "$@" --build-tests 2>&1 | tee "$log"; then
        echo "build failed" >&2
        return 1
    fi
    # Warnings in dependencies (under .build/checkouts) are not ours to fix; ours must be zero.
    local ours
    ours=$(grep -E '^/.*: warning: ' "$log" | grep -v '/.build/' | sort -u || true)
    if [ -n "$ours" ]; then
        echo "warnings in our targets:" >&2
        echo "$ours" >&2
        return 1
    fi
}

# An example package under Examples/ (it depends on this checkout by path): built without warnings, then its tests,
# with the suite named by the second argument (a real-Phoenix test) in a phase of its own. It builds in the scratch
# directory the generated-package tests use (CompileTests), where the runtime is already compiled as a dependency.
example_scratch="${TMPDIR:-/tmp}/scaffold-compile-tests/.build"
example_tests() {
    local package=$1 heavy=${2:-} status=0
    build_without_warnings --package-path "$package" --scratch-path "$example_scratch" || return 1
    echo "== swift test --package-path $package"
    if [ -z "$heavy" ]; then
        swift test --package-path "$package" --scratch-path "$example_scratch" --skip-build || status=$?
        return "$status"
    fi
    swift test --package-path "$package" --scratch-path "$example_scratch" --skip-build --skip "$heavy" || status=$?
    swift test --package-path "$package" --scratch-path "$example_scratch" --skip-build --filter "$heavy" || status=$?
    return "$status"
}

build_without_warnings || exit 1

echo "== swift format lint"
# Our sources only: the protobuf code is protoc's and the golden files are the generator's own output.
lint=$(git ls-files 'Sources/*.swift' 'Tests/*.swift' 'Plugins/*.swift' 'Examples/*.swift' 'Benchmarks/*.swift' \
    'IntegrationTests/*.swift' | grep -v '/Generated/' | grep -v '/Golden/' \
    | xargs swift format lint 2>&1 || true)
if [ -n "$lint" ]; then
    echo "$lint" >&2
    echo "swift format lint found problems: run swift format format -i on these files" >&2
    exit 1
fi

echo "== swift test"
if [ $# -eq 0 ]; then
    # Phases, so that tests which measure time never share the two cores with heavy neighbours: first the transport
    # tests that time retries, timeouts and Retry-After, alone; then every other unit and integration test (they
    # start Python decoders and scaffold processes in parallel); then the tests that build generated packages with
    # `swift build` (SCAFFOLD_COMPILE_TESTS, suites named *CompileTests); last the Phoenix test (PHOENIX_PYTHON) and
    # the MLflow test (MLFLOW_PYTHON; it builds the generated mlflow package's replay tool in the compile tests'
    # scratch directory), whose Python start-ups are CPU-heavy. Every test runs in exactly one phase; any failure
    # fails the command.
    # With SCAFFOLD_EXAMPLE_TESTS=1, the agent demo (Examples/AgentDemo) is built and tested last, its end-to-end
    # run into a real Phoenix (PHOENIX_PYTHON) in a phase of its own.
    timed='HTTPExportSinkTests|HTTPClientTests|DeadLetterTests|OTLPExporterEndToEndTests|FaultInjectionTests'
    heavy='CompileTests|PhoenixIntegrationTests|MLflowIntegrationTests'
    status=0
    swift test --skip-build --filter "$timed" || status=$?
    swift test --skip-build --skip "$timed|$heavy" || status=$?
    swift test --skip-build --filter 'CompileTests' || status=$?
    swift test --skip-build --filter 'PhoenixIntegrationTests' || status=$?
    swift test --skip-build --filter 'MLflowIntegrationTests' || status=$?
    if [ "${SCAFFOLD_EXAMPLE_TESTS:-}" = 1 ]; then
        example_tests Examples/AgentDemo 'DemoPhoenix' || status=$?
        # The tracing demo's one-trace test: the built tracing-demo against a loopback OTLP receiver.
        example_tests Examples/TracingDemo || status=$?
        # Hummingbird's TracingMiddleware through the bridge (a package of its own: SwiftNIO and Hummingbird take
        # minutes to build and never enter the root package).
        example_tests IntegrationTests/TracingHummingbird || status=$?
    fi
    exit "$status"
else
    swift test --skip-build "$@"
fi
