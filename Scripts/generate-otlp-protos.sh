#!/usr/bin/env bash
# Regenerates Sources/ExporterOTLP/Generated/ from the OTLP trace-export protos.
#
# The generated Swift is committed: builds and CI never run protoc. Run this only to move to another
# opentelemetry-proto or swift-protobuf version, and commit the result.
#
# Steps: ensure protoc (Debian `protobuf-compiler`), build protoc-gen-swift at the swift-protobuf version the package
# resolves, install the pinned `opentelemetry-proto` into a throwaway venv, write its compiled descriptors out as a
# FileDescriptorSet (the PyPI package ships no .proto files), and run protoc over that set.
#
# Environment (all optional):
#   SWIFT_PROTOBUF_GIT   where to clone swift-protobuf from (default: the local mirror)
#   KEEP_WORK_DIR=1      keep the temporary directory (venv, plugin build, descriptor set) for inspection
set -euo pipefail

# Keep these two in step with Package.swift / Package.resolved and Generated/README.md.
OPENTELEMETRY_PROTO_VERSION="1.45.2"
SWIFT_PROTOBUF_VERSION="1.39.0"
SWIFT_PROTOBUF_GIT="${SWIFT_PROTOBUF_GIT:-/opt/swift-packages/apple/swift-protobuf.git}"

PROTO_FILES=(
    opentelemetry/proto/collector/trace/v1/trace_service.proto
    opentelemetry/proto/trace/v1/trace.proto
    opentelemetry/proto/common/v1/common.proto
    opentelemetry/proto/resource/v1/resource.proto
)

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
output_dir="$repo_root/Sources/ExporterOTLP/Generated"
started_at=$SECONDS

log() { printf '[generate-otlp-protos] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# A resolved version that differs from the pin would make the generated code and the runtime disagree.
resolved="$repo_root/Package.resolved"
if [[ -f "$resolved" ]]; then
    resolved_version="$(python3 -c '
import json, sys
pins = json.load(open(sys.argv[1])).get("pins", [])
print(next((p["state"].get("version", "") for p in pins if p["identity"] == "swift-protobuf"), ""))
' "$resolved")"
    if [[ -n "$resolved_version" && "$resolved_version" != "$SWIFT_PROTOBUF_VERSION" ]]; then
        die "Package.resolved pins swift-protobuf $resolved_version but this script builds $SWIFT_PROTOBUF_VERSION; update SWIFT_PROTOBUF_VERSION"
    fi
fi

work_dir="$(mktemp -d -t otlp-protos.XXXXXX)"
if [[ "${KEEP_WORK_DIR:-0}" == "1" ]]; then
    log "keeping work directory $work_dir"
else
    trap 'rm -rf "$work_dir"' EXIT
fi

# 1. protoc
if ! command -v protoc >/dev/null 2>&1; then
    command -v apt-get >/dev/null 2>&1 || die "protoc is missing and apt-get is unavailable; install protobuf-compiler"
    log "installing protobuf-compiler"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq protobuf-compiler >/dev/null
fi
log "using $(protoc --version)"

# 2. protoc-gen-swift, from the same swift-protobuf release the package links against.
log "building protoc-gen-swift $SWIFT_PROTOBUF_VERSION"
git clone --quiet --depth 1 --branch "$SWIFT_PROTOBUF_VERSION" "$SWIFT_PROTOBUF_GIT" "$work_dir/swift-protobuf" 2>/dev/null \
    || git clone --quiet --branch "$SWIFT_PROTOBUF_VERSION" "$SWIFT_PROTOBUF_GIT" "$work_dir/swift-protobuf"
(cd "$work_dir/swift-protobuf" && swift build -c release --product protoc-gen-swift >"$work_dir/plugin-build.log" 2>&1) \
    || { tail -n 40 "$work_dir/plugin-build.log" >&2; die "building protoc-gen-swift failed"; }
plugin="$(cd "$work_dir/swift-protobuf" && swift build -c release --show-bin-path)/protoc-gen-swift"
[[ -x "$plugin" ]] || die "protoc-gen-swift not found at $plugin"

# 3. opentelemetry-proto in a throwaway venv.
log "installing opentelemetry-proto==$OPENTELEMETRY_PROTO_VERSION"
python3 -m venv "$work_dir/venv"
"$work_dir/venv/bin/pip" install --quiet --disable-pip-version-check "opentelemetry-proto==$OPENTELEMETRY_PROTO_VERSION"

# 4. FileDescriptorSet of the needed files and their imports.
"$work_dir/venv/bin/python" "$repo_root/Scripts/otlp-descriptor-set.py" "$work_dir/otlp.protoset" >"$work_dir/protoset-files.txt"
for proto in "${PROTO_FILES[@]}"; do
    grep -qxF "$proto" "$work_dir/protoset-files.txt" || die "$proto is missing from the descriptor set"
done

# 5. Swift sources. Stale files are removed first so a proto dropped upstream does not linger.
mkdir -p "$output_dir"
find "$output_dir" -maxdepth 1 -name '*.pb.swift' -delete
protoc \
    --plugin="protoc-gen-swift=$plugin" \
    --descriptor_set_in="$work_dir/otlp.protoset" \
    --swift_out="$output_dir" \
    --swift_opt=Visibility=Package \
    --swift_opt=FileNaming=PathToUnderscores \
    "${PROTO_FILES[@]}"

log "wrote $(find "$output_dir" -maxdepth 1 -name '*.pb.swift' | wc -l) files to ${output_dir#"$repo_root"/} in $((SECONDS - started_at)) s"
