import ExporterCore
import ExporterHTTP

/// What the OpenTelemetry environment says about an OTLP transport whose package spec leaves it open: the
/// headers, resource attributes, protocol, compression and timeout variables, read by the same functions as the
/// built-in `otelcollector` type's. A generated `otel` package's configuration resolves one
/// (``OTelEnvironment/transport(_:)``) and its exporter lays the spec's own values over it.
public struct OTelTransportEnvironment: Sendable, Hashable {
    /// `OTEL_EXPORTER_OTLP_TRACES_HEADERS`, else `OTEL_EXPORTER_OTLP_HEADERS`, percent-decoded.
    public var headers = HTTPHeaders()
    /// `OTEL_RESOURCE_ATTRIBUTES`, with `OTEL_SERVICE_NAME` as `service.name`.
    public var resourceAttributes: [String: OTLPAttributeValue] = [:]
    /// `OTEL_EXPORTER_OTLP_[TRACES_]PROTOCOL`; nil when unset.
    public var encoding: OTLPEncoding?
    /// `OTEL_EXPORTER_OTLP_[TRACES_]COMPRESSION`; nil when unset.
    public var compression: HTTPCompression?
    /// `OTEL_EXPORTER_OTLP_[TRACES_]TIMEOUT`; nil when unset.
    public var timeout: Duration?

    /// Nothing from the environment.
    public init() {}

    /// `written` with the environment's headers added, except those it has already and the one `auth` sets:
    /// what the spec writes wins.
    public func headers(under written: HTTPHeaders, auth: HTTPAuth) -> HTTPHeaders {
        var merged = written
        let authName = auth.headerField?.name
        for field in headers where !written.contains(field.name) {
            if let authName, field.name.lowercased() == authName.lowercased() { continue }
            merged.add(name: field.name, value: field.value)
        }
        return merged
    }
}

extension OTelEnvironment {
    /// The transport settings of the environment, each settled for `--explain-config` with the variable it came
    /// from (header values masked); a value that does not parse is recorded as a problem naming its variable.
    public static func transport(_ reader: inout ConfigurationReader) -> OTelTransportEnvironment {
        typealias Keys = OTLPExporterConfiguration
        var transport = OTelTransportEnvironment()
        // Settled only when set: without them, the spec's own headers and attributes apply, which are not read here.
        transport.headers = Keys.environmentHeaders(&reader)
        if transport.headers.count > 0 { Keys.settleHeaders(transport.headers, written: nil, &reader) }
        transport.resourceAttributes = Keys.environmentResourceAttributes(&reader, projectWritten: false)
        if !transport.resourceAttributes.isEmpty {
            Keys.settleResourceAttributes(written: nil, environment: transport.resourceAttributes, &reader)
        }
        let encoding = Keys.fallback(
            nil,
            key: "encoding",
            variables: ["OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL"],
            expected: "http/protobuf or http/json (grpc is not supported)",
            &reader,
            parse: Keys.environmentEncoding
        )
        reader.settle("encoding", encoding, default: nil) { $0.rawValue }
        let compression = Keys.fallback(
            nil,
            key: "compression",
            variables: ["OTEL_EXPORTER_OTLP_TRACES_COMPRESSION", "OTEL_EXPORTER_OTLP_COMPRESSION"],
            expected: "gzip or none",
            &reader,
            parse: Keys.environmentCompression
        )
        reader.settle("compression", compression, default: nil) { $0.rawValue }
        let timeout = Keys.fallback(
            nil,
            key: "timeout",
            variables: ["OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", "OTEL_EXPORTER_OTLP_TIMEOUT"],
            expected: "a positive number of milliseconds",
            &reader,
            parse: Keys.milliseconds
        )
        reader.settle("timeout", timeout, default: nil)
        transport.encoding = encoding?.value
        transport.compression = compression?.value
        transport.timeout = timeout?.value
        return transport
    }
}
