import ExporterDiagnostics

/// Where the exporter sends its items, as written in `transport`.
public enum TransportSpec: Sendable, Hashable {
    /// Prints items to standard output or standard error.
    case console(ConsoleTransportSpec)
    /// Appends items as JSON lines to a file.
    case file(FileTransportSpec)
    /// Sends items to an HTTP endpoint.
    case http(HTTPTransportSpec)
    /// Sends OTLP spans to a collector; requires `base: otel`.
    case otlp(OTLPTransportSpec)
    /// A `send` hook the user implements.
    case custom(CustomTransportSpec)

    /// The transport's `kind`.
    public var kind: TransportKind {
        switch self {
        case .console: .console
        case .file: .file
        case .http: .http
        case .otlp: .otlp
        case .custom: .custom
        }
    }

    /// Where the transport's mapping starts.
    public var location: SourceLocation {
        switch self {
        case .console(let spec): spec.location
        case .file(let spec): spec.location
        case .http(let spec): spec.location
        case .otlp(let spec): spec.location
        case .custom(let spec): spec.location
        }
    }
}

/// The `kind:` values of `transport`.
public enum TransportKind: String, Sendable, Hashable, CaseIterable {
    /// See `TransportSpec.console`.
    case console
    /// See `TransportSpec.file`.
    case file
    /// See `TransportSpec.http`.
    case http
    /// See `TransportSpec.otlp`.
    case otlp
    /// See `TransportSpec.custom`.
    case custom
}

/// `kind: console`.
public struct ConsoleTransportSpec: Sendable, Hashable {
    /// The stream written to.
    public enum Stream: String, Sendable, Hashable, CaseIterable {
        /// Standard output.
        case stdout
        /// Standard error.
        case stderr
    }

    /// `stream` (default `stdout`).
    public var stream: Stream
    /// Where the transport's mapping starts.
    public var location: SourceLocation

    /// Creates the spec.
    public init(stream: Stream = .stdout, location: SourceLocation) {
        self.stream = stream
        self.location = location
    }
}

/// `kind: file`.
public struct FileTransportSpec: Sendable, Hashable {
    /// How items are written, one JSON document a line.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// The base's natural JSON lines: events as toolkit IntermediateStep, spans as span JSON.
        case jsonl
        /// Events as toolkit IntermediateStep JSON lines (`base: raw` only).
        case intermediateStep = "intermediate_step"
        /// Events as ATOF JSON lines (`base: raw` only).
        case atof
    }

    /// `path`: the output file; may reference fields (`"${output_path}"`).
    public var path: StringTemplate
    /// `format` (default `jsonl`).
    public var format: Format
    /// Where the transport's mapping starts.
    public var location: SourceLocation

    /// Creates the spec.
    public init(path: StringTemplate, format: Format = .jsonl, location: SourceLocation) {
        self.path = path
        self.format = format
        self.location = location
    }
}

/// A named string that may reference fields: an HTTP header or an OTLP resource attribute.
public struct TemplateEntry: Sendable, Hashable {
    /// The header or attribute name, as written.
    public var name: String
    /// The value.
    public var value: StringTemplate
    /// Where the name is written.
    public var location: SourceLocation

    /// Creates an entry.
    public init(name: String, value: StringTemplate, location: SourceLocation) {
        self.name = name
        self.value = value
        self.location = location
    }
}

/// Whether request bodies are compressed.
public enum TransportCompression: String, Sendable, Hashable, CaseIterable {
    /// Sent as is.
    case none
    /// gzip, with `Content-Encoding: gzip`.
    case gzip
}

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

/// `auth` of the http transport: sugar for an authorization header built from config fields.
public enum HTTPAuthSpec: Sendable, Hashable {
    /// No authorization header.
    case none
    /// `Authorization: Bearer <token_field>`.
    case bearer(tokenField: String)
    /// `Authorization: Basic base64(<user_field>:<password_field>)`.
    case basic(userField: String, passwordField: String)
    /// `<header>: <token_field>`.
    case apiKeyHeader(header: String, tokenField: String)

    /// The `kind` written in the spec.
    public var kind: HTTPAuthKind {
        switch self {
        case .none: .none
        case .bearer: .bearer
        case .basic: .basic
        case .apiKeyHeader: .apiKeyHeader
        }
    }
}

/// The `auth` kinds of the http transport.
public enum HTTPAuthKind: String, Sendable, Hashable, CaseIterable {
    /// See `HTTPAuthSpec.none`.
    case none
    /// See `HTTPAuthSpec.bearer`.
    case bearer
    /// See `HTTPAuthSpec.basic`.
    case basic
    /// See `HTTPAuthSpec.apiKeyHeader`.
    case apiKeyHeader = "api_key_header"
}

/// `retry` of the http and otlp transports.
public struct RetrySpec: Sendable, Hashable {
    /// `max_attempts`: attempts per batch including the first (at least 1).
    public var maxAttempts: OptionValue<Int>?
    /// `deadline`: the most time spent on one batch across attempts.
    public var deadline: OptionValue<Duration>?
    /// Where the mapping starts.
    public var location: SourceLocation

    /// Creates the spec.
    public init(maxAttempts: OptionValue<Int>? = nil, deadline: OptionValue<Duration>? = nil, location: SourceLocation)
    {
        self.maxAttempts = maxAttempts
        self.deadline = deadline
        self.location = location
    }
}

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

/// `kind: custom`: a user-owned `send` hook; no options.
public struct CustomTransportSpec: Sendable, Hashable {
    /// Where the transport's mapping starts.
    public var location: SourceLocation

    /// Creates the spec.
    public init(location: SourceLocation) {
        self.location = location
    }
}
