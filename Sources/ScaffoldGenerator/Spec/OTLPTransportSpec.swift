import ExporterDiagnostics

/// `kind: otlp`.
public struct OTLPTransportSpec: Sendable, Hashable {
    /// The OTLP/HTTP body encoding.
    public enum Encoding: String, Sendable, Hashable, CaseIterable {
        /// `application/x-protobuf`.
        case protobuf
        /// `application/json`.
        case json
    }

    /// `endpoint`: a URL literal or a reference to a url/string field.
    public var endpoint: StringTemplate
    /// `encoding` (default `protobuf`).
    public var encoding: Encoding
    /// `headers`, in the order written.
    public var headers: [TemplateEntry]
    /// `resource_attributes`, in the order written.
    public var resourceAttributes: [TemplateEntry]
    /// `auth` (default none): an authorization header built from config fields, as for `http`.
    public var auth: HTTPAuthSpec
    /// `compression` (default none).
    public var compression: TransportCompression
    /// `timeout` per request; nil for the runtime default.
    public var timeout: OptionValue<Duration>?
    /// `retry`; nil for the runtime default.
    public var retry: RetrySpec?
    /// `dead_letter`: the file that keeps requests that finally fail, for `scaffold replay`; nil for none.
    public var deadLetter: StringTemplate?
    /// Where the transport's mapping starts.
    public var location: SourceLocation
    /// Whether the spec writes `encoding`; if not, `OTEL_EXPORTER_OTLP_[TRACES_]PROTOCOL` may choose it.
    public var encodingIsWritten = false
    /// Whether the spec writes `compression`; if not, `OTEL_EXPORTER_OTLP_[TRACES_]COMPRESSION` may choose it.
    public var compressionIsWritten = false

    /// Creates the spec.
    public init(
        endpoint: StringTemplate,
        encoding: Encoding = .protobuf,
        headers: [TemplateEntry] = [],
        resourceAttributes: [TemplateEntry] = [],
        auth: HTTPAuthSpec = .none,
        compression: TransportCompression = .none,
        timeout: OptionValue<Duration>? = nil,
        retry: RetrySpec? = nil,
        deadLetter: StringTemplate? = nil,
        location: SourceLocation
    ) {
        self.endpoint = endpoint
        self.encoding = encoding
        self.headers = headers
        self.resourceAttributes = resourceAttributes
        self.auth = auth
        self.compression = compression
        self.timeout = timeout
        self.retry = retry
        self.deadLetter = deadLetter
        self.location = location
    }
}
