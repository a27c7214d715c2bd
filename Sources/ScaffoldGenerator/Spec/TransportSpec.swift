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
