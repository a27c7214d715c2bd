import ExporterDiagnostics
import ExporterEvents
import ExporterHTTP

/// The last stage of the OTLP pipeline: a batch of spans to one HTTP payload (an `ExportTraceServiceRequest` in
/// the configured encoding, `itemCount` = spans). Empty batches are dropped.
public struct OTLPPayloadEncoder: TransformProcessor {
    public typealias Input = [Span]
    public typealias Output = HTTPPayload

    /// How batches are encoded.
    public let encoding: OTLPTraceEncoding
    private var payloads = 0
    private var spans = 0
    private var bytes = 0

    /// Creates an encoder.
    public init(encoding: OTLPTraceEncoding) {
        self.encoding = encoding
    }

    public mutating func transform(_ batch: [Span]) throws(DiagnosticError) -> HTTPPayload? {
        guard !batch.isEmpty else { return nil }
        let body = try encoding.encode(batch)
        payloads += 1
        spans += batch.count
        bytes += body.count
        return HTTPPayload(body: body, contentType: encoding.contentType, itemCount: batch.count)
    }

    /// `payloads_encoded`, `spans_encoded` and `bytes_encoded` (uncompressed).
    public var statistics: [String: Double] {
        ["payloads_encoded": Double(payloads), "spans_encoded": Double(spans), "bytes_encoded": Double(bytes)]
    }
}
