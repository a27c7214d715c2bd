import ExporterHTTP
import Logging

extension HTTPExportSink {
    /// A sink for OTLP/HTTP trace requests whose bodies are in `encoding`: it reads the `partial_success` of each
    /// 2xx response, logs and counts the spans the backend rejected (without retrying them), as the
    /// `otelcollector` exporter does. Generated `otel` exporters send through it.
    public static func otlp(
        configuration: Configuration,
        encoding: OTLPEncoding,
        client: any HTTPClient = URLSessionHTTPClient(),
        deadLetter: DeadLetterFile? = nil,
        logger: Logger = Logger(label: "ExporterOTLP.OTLPExporter")
    ) -> HTTPExportSink {
        HTTPExportSink(
            configuration: configuration,
            client: client,
            deadLetter: deadLetter,
            responseInspector: { response in
                OTLPExporterBlueprint.partialRejection(in: response, requestEncoding: encoding, logger: logger)
            },
            logger: logger
        )
    }
}
