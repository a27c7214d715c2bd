#!/usr/bin/env python3
"""Write a FileDescriptorSet of the OTLP trace-export protos and everything they import.

The PyPI package `opentelemetry-proto` ships compiled descriptors, not `.proto` files, so protoc is fed the
descriptors through `--descriptor_set_in`. Files are written dependencies first, as protoc expects.

Usage: otlp-descriptor-set.py OUTPUT_FILE
"""
import importlib
import sys

from google.protobuf import descriptor_pb2

# The Python modules whose descriptors name the .proto files the exporter needs.
ROOT_MODULES = [
    "opentelemetry.proto.collector.trace.v1.trace_service_pb2",
    "opentelemetry.proto.trace.v1.trace_pb2",
    "opentelemetry.proto.common.v1.common_pb2",
    "opentelemetry.proto.resource.v1.resource_pb2",
]


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    descriptor_set = descriptor_pb2.FileDescriptorSet()
    written = set()

    def add(file_descriptor):
        if file_descriptor.name in written:
            return
        for dependency in file_descriptor.dependencies:
            add(dependency)
        written.add(file_descriptor.name)
        file_descriptor.CopyToProto(descriptor_set.file.add())

    for module_name in ROOT_MODULES:
        add(importlib.import_module(module_name).DESCRIPTOR)

    with open(sys.argv[1], "wb") as output:
        output.write(descriptor_set.SerializeToString())
    for proto in descriptor_set.file:
        print(proto.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
