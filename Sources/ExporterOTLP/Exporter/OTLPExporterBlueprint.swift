import ExporterCore
import ExporterDiagnostics
import ExporterEvents
import ExporterHTTP
import Logging

/// The `otelcollector` exporter kind: every run gets a fresh pipeline `SpanBuilder → BatchingProcessor<Span> →
/// OTLPPayloadEncoder`, and all runs share one ``HTTPExportSink`` (one HTTP client, one dead-letter file).
///
/// A successful response is read as an `ExportTraceServiceResponse`: spans it rejects are counted `failed` (and in
/// the sink's `rejectedItems`), its `error_message` logged once, scrubbed; they are never retried.
public struct OTLPExporterBlueprint: ExporterBlueprint {
    /// The configuration it was made from.
    public let configuration: OTLPExporterConfiguration
    /// How batches are encoded.
    public let encoding: OTLPTraceEncoding
    /// The transport every instance shares.
    public let sink: HTTPExportSink
    let logger: Logger

    /// Creates the blueprint with a `URLSession` client; the dead-letter path resolves against the workflow file's
    /// directory.
    ///
    /// - Throws: `DiagnosticError` `CFG005` at the section when the dead-letter file cannot be opened.
    public init(configuration: OTLPExporterConfiguration, context: ExporterBuildContext) throws {
        if configuration.isDisabled {
            // Once per exporter and workflow: every run's instance is a DisabledExporter and says nothing itself.
            OTelEnvironment.noteDisabled(context)
        }
        var deadLetter: DeadLetterFile?
        if let path = configuration.deadLetterPath {
            do {
                deadLetter = try DeadLetterFile(path: context.resolve(path: path))
            } catch {
                throw DiagnosticError(
                    .error(
                        .configurationUnusablePath,
                        "exporter '\(context.name)': cannot open the dead-letter file: \(error)",
                        at: context.location
                    )
                )
            }
        }
        self.init(
            configuration: configuration,
            client: URLSessionHTTPClient(),
            deadLetter: deadLetter,
            logger: context.logger
        )
    }

    /// Creates the blueprint over a given HTTP client (tests, or an application's own client).
    public init(
        configuration: OTLPExporterConfiguration,
        client: any HTTPClient,
        deadLetter: DeadLetterFile? = nil,
        logger: Logger = Logger(label: "ExporterOTLP.OTLPExporter")
    ) {
        self.configuration = configuration
        self.logger = logger
        encoding = OTLPTraceEncoding(
            encoding: configuration.encoding,
            builder: OTLPRequestBuilder(
                project: configuration.project,
                resourceAttributes: configuration.resourceAttributes,
                mapper: OTLPSpanMapper(options: configuration.mapping)
            )
        )
        let requestEncoding = configuration.encoding
        let responseLogger = logger
        sink = HTTPExportSink(
            configuration: HTTPExportSink.Configuration(
                endpoint: configuration.endpoint,
                headers: configuration.headers,
                compression: configuration.compression,
                requestTimeout: configuration.timeout,
                retry: configuration.retry
            ),
            client: client,
            deadLetter: deadLetter,
            responseInspector: { response in
                Self.partialRejection(in: response, requestEncoding: requestEncoding, logger: responseLogger)
            },
            logger: logger
        )
    }

    public func makeExporter(name: String) throws -> any Exporter {
        if configuration.isDisabled { return DisabledExporter(name: name) }
        let pipeline = SpanBuilder().named("spans")
            .then(try BatchingProcessor<Span>(options: configuration.batching).named("batch"))
            .then(OTLPPayloadEncoder(encoding: encoding).named("otlp"))
        let exporter = ProcessingExporter(
            name: name,
            pipeline: pipeline,
            sink: sink,
            capacity: configuration.buffer.capacity,
            overflowPolicy: configuration.buffer.overflowPolicy,
            type: "otelcollector",
            logger: logger
        )
        return ShutdownLimitedExporter(exporter, limit: configuration.shutdownTimeout)
    }

    public func close() async {
        await sink.close()
    }

    /// The `partial_success` of a 2xx response, read in the response's content type (else the request's). A body
    /// that is not an `ExportTraceServiceResponse` does not undo the delivery; its size is logged at debug level.
    static func partialRejection(
        in response: HTTPResponse,
        requestEncoding: OTLPEncoding,
        logger: Logger
    ) -> PartialRejection? {
        let encoding = response.headers["Content-Type"].flatMap(OTLPEncoding.init(contentType:)) ?? requestEncoding
        do {
            let decoded = try OTLPExportResponse(body: response.body, encoding: encoding)
            guard !decoded.isFullSuccess else { return nil }
            return PartialRejection(rejectedItems: Int(clamping: decoded.rejectedSpans), message: decoded.errorMessage)
        } catch {
            // Not the parser's message: it may quote the body, which is the server's text and not scrubbed here.
            logger.debug(
                "unreadable OTLP response body",
                metadata: [
                    "bytes": "\(response.body.count)", "code": "\(error.diagnostics.map(\.code))",
                    "decoded_as": "\(encoding.contentType)",
                ]
            )
            return nil
        }
    }
}
