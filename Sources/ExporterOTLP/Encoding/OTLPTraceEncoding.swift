import ExporterDiagnostics
import ExporterEvents

/// Spans to an OTLP/HTTP traces body, without any transport: what the OTLP exporter sends, usable on its own (in
/// benchmarks, or to write request bodies to files).
public struct OTLPTraceEncoding: Sendable {
    /// The body encoding.
    public let encoding: OTLPEncoding
    /// How spans become a request.
    public let builder: OTLPRequestBuilder

    /// Creates an encoding.
    public init(encoding: OTLPEncoding = .protobuf, builder: OTLPRequestBuilder = OTLPRequestBuilder()) {
        self.encoding = encoding
        self.builder = builder
    }

    /// The `Content-Type` of the bodies.
    public var contentType: String { encoding.contentType }

    /// The body of one `POST /v1/traces` carrying `spans`.
    ///
    /// - Throws: `DiagnosticError` `OTLP003` when the protobuf message would exceed protobuf's 2 GiB limit (send
    ///   smaller batches).
    public func encode(_ spans: some Collection<Span>) throws(DiagnosticError) -> [UInt8] {
        do {
            switch encoding {
            case .protobuf:
                let body = builder.protobufBytes(for: spans)
                // Protobuf's own limit, which swift-protobuf enforces: lengths are 32-bit.
                guard body.count <= Int(Int32.max) else { throw ProtobufSizeError(size: body.count) }
                return body
            case .json:
                return try builder.request(for: spans).body(encoding)
            }
        } catch {
            throw DiagnosticError(
                .error(
                    .otlpUnencodableBatch,
                    "a batch of \(spans.count) spans cannot be encoded as protobuf: \(error)",
                    hint: "lower 'batch_size' so that each request stays well under 2 GiB"
                )
            )
        }
    }
}

/// A protobuf message over protobuf's 2 GiB limit.
private struct ProtobufSizeError: Error, CustomStringConvertible {
    let size: Int
    var description: String { "the message would take \(size) bytes, over protobuf's limit of 2 GiB" }
}
