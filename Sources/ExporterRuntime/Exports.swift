// Everything built in, behind one import: applications write `import ExporterRuntime`; a generated exporter depends
// only on the modules its base and transport use. OTLP stays apart (`ExporterOTLP`) so that nothing here compiles
// swift-protobuf.
@_exported import ExporterATIF
@_exported import ExporterCodecs
@_exported import ExporterCore
@_exported import ExporterEvents
@_exported import ExporterHTTP
@_exported import ExporterService
