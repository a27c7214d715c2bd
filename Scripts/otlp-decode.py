#!/usr/bin/env python3
"""Decode an OTLP/HTTP trace body with the reference `opentelemetry-proto` package and print it as OTLP/JSON.

Integration tests use it to check that what the Swift exporter sends is what the reference implementation reads.
Needs a Python environment with `opentelemetry-proto` installed (Scripts/generate-otlp-protos.sh pins the version).
The output follows OTLP/JSON, not plain proto3 JSON: ids are hex, enums are integers, 64-bit integers are strings.

Usage: otlp-decode.py [--response] [--json] BODY_FILE
  --response  the body is an ExportTraceServiceResponse (default: ExportTraceServiceRequest)
  --json      the body is OTLP/JSON (hex ids) instead of protobuf
Exit status: 0 when the body parses, 1 when it does not (the parser's message goes to stderr), 2 on bad usage.
"""
import base64
import json
import sys

from google.protobuf import json_format
from google.protobuf.message import DecodeError
from opentelemetry.proto.collector.trace.v1 import trace_service_pb2

# OTLP/JSON writes these bytes fields as hex where proto3 JSON uses base64.
HEX_ID_KEYS = {"traceId", "spanId", "parentSpanId"}


def convert_ids(node, convert):
    """Rewrite every id field of a parsed JSON tree in place with `convert`."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in HEX_ID_KEYS and isinstance(value, str):
                node[key] = convert(value)
            else:
                convert_ids(value, convert)
    elif isinstance(node, list):
        for item in node:
            convert_ids(item, convert)


def hex_to_base64(text):
    return base64.b64encode(bytes.fromhex(text)).decode("ascii")


def base64_to_hex(text):
    return base64.b64decode(text).hex()


def main(arguments) -> int:
    flags = {argument for argument in arguments if argument.startswith("--")}
    paths = [argument for argument in arguments if not argument.startswith("--")]
    if len(paths) != 1 or not flags <= {"--response", "--json"}:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    message_type = (
        trace_service_pb2.ExportTraceServiceResponse
        if "--response" in flags
        else trace_service_pb2.ExportTraceServiceRequest
    )
    with open(paths[0], "rb") as body_file:
        body = body_file.read()
    message = message_type()
    try:
        if "--json" in flags:
            tree = json.loads(body.decode("utf-8"))
            convert_ids(tree, hex_to_base64)
            json_format.ParseDict(tree, message)
        else:
            message.ParseFromString(body)
    except (DecodeError, json_format.ParseError, UnicodeDecodeError, ValueError) as error:
        print(f"{paths[0]}: cannot decode {message_type.__name__}: {error}", file=sys.stderr)
        return 1
    tree = json_format.MessageToDict(message, use_integers_for_enums=True)
    convert_ids(tree, base64_to_hex)
    print(json.dumps(tree, indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
