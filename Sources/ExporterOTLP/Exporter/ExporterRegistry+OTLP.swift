import ExporterCore

extension ExporterRegistry {
    /// Adds `otelcollector`: spans as OTLP/HTTP with OpenInference attributes (``OTLPExporterConfiguration``).
    public mutating func registerOTLP() {
        register(
            "otelcollector",
            configuration: OTLPExporterConfiguration.self,
            summary: "spans as OTLP/HTTP (protobuf or JSON) with OpenInference attributes"
        ) { configuration, context in
            try OTLPExporterBlueprint(configuration: configuration, context: context)
        }
    }
}
