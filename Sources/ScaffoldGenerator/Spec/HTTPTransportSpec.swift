import ExporterDiagnostics

/// `kind: http`.
public struct HTTPTransportSpec: Sendable, Hashable {
    /// The request method.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        /// `POST`.
        case post = "POST"
        /// `PUT`.
        case put = "PUT"
        /// `PATCH`.
        case patch = "PATCH"
    }

    /// How a batch of items becomes a request body.
    public enum Encoding: String, Sendable, Hashable, CaseIterable {
        /// One JSON array per batch.
        case json
        /// One JSON line per item.
        case jsonl
        /// A user-implemented encoder hook.
        case custom
    }

    /// `endpoint`: a URL literal or a reference to a url/string field.
    public var endpoint: StringTemplate
    /// `method` (default `POST`).
    public var method: Method
    /// `headers`, in the order written.
    public var headers: [TemplateEntry]
    /// `auth` (default none).
    public var auth: HTTPAuthSpec
    /// `encoding` (default `jsonl`).
    public var encoding: Encoding
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

    /// Creates the spec.
    public init(
        endpoint: StringTemplate,
        method: Method = .post,
        headers: [TemplateEntry] = [],
        auth: HTTPAuthSpec = .none,
        encoding: Encoding = .jsonl,
        compression: TransportCompression = .none,
        timeout: OptionValue<Duration>? = nil,
        retry: RetrySpec? = nil,
        deadLetter: StringTemplate? = nil,
        location: SourceLocation
    ) {
        self.endpoint = endpoint
        self.method = method
        self.headers = headers
        self.auth = auth
        self.encoding = encoding
        self.compression = compression
        self.timeout = timeout
        self.retry = retry
        self.deadLetter = deadLetter
        self.location = location
    }
}
