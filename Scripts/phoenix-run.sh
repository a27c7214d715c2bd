#!/usr/bin/env bash
# Runs a command against a private, throwaway Arize Phoenix server, then stops Phoenix and deletes its data.
#
# Usage: Scripts/phoenix-run.sh [OPTIONS] -- COMMAND [ARG...]
#
#   --python PY           the Phoenix venv's python (default: $PHOENIX_PYTHON)
#   --project NAME        after COMMAND succeeds, fetch the spans of project NAME (repeatable) from Phoenix's REST
#                         API (Scripts/phoenix-spans.py) ...
#   --expect-spans N      ... waiting until each project has at least N (default: until its count settles) ...
#   --spans-dir DIR       ... and write them to DIR/NAME.json as a JSON array (default: the current directory)
#   --spans-timeout S     the longest wait for the spans of one project (default: 60)
#   --ready-timeout S     the longest wait for Phoenix to become ready (default: 300)
#   --log FILE            keep Phoenix's log in FILE (otherwise its tail is printed only when something fails)
#
# COMMAND runs next to Phoenix with these variables set:
#   PHOENIX_ENDPOINT       http://127.0.0.1:6006           REST API (/v1/projects/{name}/spans), UI, /readyz
#   PHOENIX_OTLP_ENDPOINT  http://127.0.0.1:6006/v1/traces OTLP/HTTP, protobuf only (a workflow file can say
#                          `endpoint: ${PHOENIX_OTLP_ENDPOINT}`)
#   PHOENIX_PYTHON         the venv's python
# The exit status is COMMAND's, or 1 when the spans did not arrive in time, or 3 when Phoenix did not start.
# Example (what Tests/ScaffoldCLITests/Phoenix does; writes /tmp/out/demo.json):
#   Scripts/phoenix-run.sh --python "$PHOENIX_PYTHON" --project demo --expect-spans 9 --spans-dir /tmp/out \
#       -- .build/debug/scaffold replay trace.jsonl --config workflow.yml --quiet
#
# Why namespaces: Phoenix's gRPC OTLP receiver listens on all interfaces whatever PHOENIX_HOST says, and a test must
# expose nothing. So the script runs itself again under `unshare --net --pid --mount-proc --fork --kill-child`:
#   - a new network namespace holds only a loopback interface (brought up here): nothing Phoenix binds, HTTP or gRPC,
#     is reachable from the host's namespace or the network, while COMMAND, in the same namespace, reaches it on
#     127.0.0.1. Ports are private to the namespace, so fixed ports never collide with other runs or services.
#   - a new PID namespace whose init is this script: when the script ends, however it ends, the kernel kills every
#     process still in the namespace, so no Phoenix (or anything COMMAND left behind) outlives a run;
#     --kill-child SIGKILLs the script if `unshare` itself is killed. Normal ends, errors, SIGINT and SIGTERM also
#     stop Phoenix politely and delete its working directory (a fresh temp dir: Phoenix keeps its SQLite there).
#   - --mount-proc gives the namespace a /proc of its own (in a private mount namespace, so the host's is
#     untouched): with the host's /proc, a process that looks itself up by pid or thread id finds another process
#     or none, and Swift programs crash.
# Root is needed for the namespaces; other users get them through a user namespace (--map-root-user), where the
# kernel allows it. Needs util-linux's unshare, iproute2's ip and procps' pkill.
# Phoenix runs at a lower priority (nice 10): its start-up is CPU-heavy Python, and timing-sensitive tests running
# at the same time on a small machine must not starve.
set -euo pipefail

scripts="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PHOENIX_PYTHON:-}"
projects=()
expect_spans=""
spans_dir="."
spans_timeout=60
ready_timeout=300
log_copy=""
port=6006
grpc_port=4317

usage() { sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

arguments=("$@")

while [ $# -gt 0 ]; do
    case "$1" in
        --python) python="$2"; shift 2 ;;
        --project) projects+=("$2"); shift 2 ;;
        --expect-spans) expect_spans="$2"; shift 2 ;;
        --spans-dir) spans_dir="$2"; shift 2 ;;
        --spans-timeout) spans_timeout="$2"; shift 2 ;;
        --ready-timeout) ready_timeout="$2"; shift 2 ;;
        --log) log_copy="$2"; shift 2 ;;
        --) shift; break ;;
        -h | --help) usage ;;
        *) echo "phoenix-run: unknown option $1" >&2; usage ;;
    esac
done
[ $# -gt 0 ] || { echo "phoenix-run: no command given after --" >&2; usage; }
[ -n "$python" ] && [ -x "$python" ] || {
    echo "phoenix-run: set PHOENIX_PYTHON or --python to the python of Scripts/phoenix-venv.sh" >&2
    exit 2
}

# --- Outside: enter fresh network and PID namespaces and run this script again as their first process. ---------
# Inside, the script is PID 1 of its PID namespace and finds the marker variable set.
if [ "$$" -ne 1 ] || [ "${PHOENIX_RUN_INSIDE:-}" != 1 ]; then
    user_namespace=()
    [ "$(id -u)" -eq 0 ] || user_namespace=(--user --map-root-user)
    PHOENIX_RUN_INSIDE=1 unshare "${user_namespace[@]}" --net --pid --mount-proc --fork --kill-child -- \
        "$BASH" "${BASH_SOURCE[0]}" "${arguments[@]}" <&0 &
    unshare_pid=$!
    # unshare ignores SIGINT and SIGTERM while it waits: hand them to the script inside, which stops Phoenix.
    forward() { pkill "-$1" -P "$unshare_pid" 2>/dev/null || true; }
    trap 'forward TERM' TERM
    trap 'forward INT' INT
    status=0
    # `wait` returns early when a trapped signal arrives; wait again until unshare has really ended.
    while kill -0 "$unshare_pid" 2>/dev/null; do
        wait "$unshare_pid" && status=0 || status=$?
    done
    exit "$status"
fi

# --- Inside: only loopback exists. ------------------------------------------------------------------------------
ip link set lo up

workdir="$(mktemp -d "${TMPDIR:-/tmp}/phoenix-run.XXXXXX")"
phoenix_log="$workdir/phoenix.log"
phoenix_pid=""
command_pid=""

stop_phoenix() {
    local status=$?
    trap - EXIT INT TERM
    if [ -n "$command_pid" ]; then kill -TERM "$command_pid" 2>/dev/null || true; fi
    if [ -n "$phoenix_pid" ] && kill -0 "$phoenix_pid" 2>/dev/null; then
        kill -TERM "$phoenix_pid" 2>/dev/null || true
        # Up to 10 s for a clean shutdown (SQLite closed), then no more politeness.
        for _ in $(seq 1 100); do kill -0 "$phoenix_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$phoenix_pid" 2>/dev/null || true
        wait "$phoenix_pid" 2>/dev/null || true
    fi
    if [ -n "$log_copy" ] && [ -f "$phoenix_log" ]; then cp "$phoenix_log" "$log_copy" || true; fi
    if [ "$status" -ne 0 ] && [ -z "$log_copy" ] && [ -f "$phoenix_log" ]; then
        echo "phoenix-run: exit $status; the end of Phoenix's log:" >&2
        tail -n 40 "$phoenix_log" >&2 || true
    fi
    rm -rf "$workdir"
    exit "$status"
}
trap stop_phoenix EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

PHOENIX_WORKING_DIR="$workdir/data" PHOENIX_HOST=127.0.0.1 PHOENIX_PORT=$port PHOENIX_GRPC_PORT=$grpc_port \
    PHOENIX_TELEMETRY_ENABLED=false PHOENIX_ALLOW_EXTERNAL_RESOURCES=false \
    nice -n 10 "$python" -m phoenix.server.main serve >"$phoenix_log" 2>&1 &
phoenix_pid=$!

export PHOENIX_ENDPOINT="http://127.0.0.1:$port"
export PHOENIX_OTLP_ENDPOINT="$PHOENIX_ENDPOINT/v1/traces"
export PHOENIX_PYTHON="$python"
unset PHOENIX_RUN_INSIDE

# Ready when GET /readyz answers 200; give up early if Phoenix exits.
deadline=$((SECONDS + ready_timeout))
until "$python" -c 'import sys, urllib.request as u; sys.exit(u.urlopen(sys.argv[1], timeout=2).status != 200)' \
    "$PHOENIX_ENDPOINT/readyz" 2>/dev/null; do
    if ! kill -0 "$phoenix_pid" 2>/dev/null; then
        echo "phoenix-run: Phoenix exited during startup" >&2
        exit 3
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
        echo "phoenix-run: Phoenix not ready after ${ready_timeout}s" >&2
        exit 3
    fi
    sleep 0.5
done

# In the background so that `wait` (unlike a foreground command) lets a TERM or INT through at once; the explicit
# `<&0` keeps COMMAND's standard input, which bash would otherwise point at /dev/null.
"$@" <&0 &
command_pid=$!
wait "$command_pid"

for project in "${projects[@]}"; do
    fetch=("$python" "$scripts/phoenix-spans.py" --endpoint "$PHOENIX_ENDPOINT" --project "$project"
        --timeout "$spans_timeout" --output "$spans_dir/$project.json")
    [ -z "$expect_spans" ] || fetch+=(--expect "$expect_spans")
    "${fetch[@]}"
done
