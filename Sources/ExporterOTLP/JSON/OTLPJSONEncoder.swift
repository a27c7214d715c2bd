/// Writes OTLP trace requests as OTLP/JSON, the `application/json` body of OTLP/HTTP.
///
/// OTLP/JSON is protobuf's JSON mapping with changes a generic proto3 JSON printer gets wrong: `traceId`, `spanId`
/// and `parentSpanId` are lowercase hex (not base64), and enums are integers (not names). As in proto3 JSON, keys are
/// lowerCamelCase, 64-bit integers are decimal strings, `bytes` values are base64, and fields holding their default
/// value are left out (a set `oneof` member and a present message field are always written). The output is compact,
/// with members in field-number order.
public struct OTLPJSONEncoder: Sendable {
    /// Creates an encoder.
    public init() {}

    /// The request as OTLP/JSON UTF-8 bytes.
    package func encode(_ request: OTLPTraceRequest) -> [UInt8] {
        var bytes: [UInt8] = []
        encode(request, into: &bytes)
        return bytes
    }

    /// Appends the request as OTLP/JSON to `bytes`, so that a caller can reuse one buffer's capacity across batches.
    package func encode(_ request: OTLPTraceRequest, into bytes: inout [UInt8]) {
        var writer = OTLPJSONWriter(bytes: consume bytes)
        writer.beginObject()
        if !request.resourceSpans.isEmpty {
            writer.key("resourceSpans")
            writer.beginArray()
            for resourceSpans in request.resourceSpans { write(resourceSpans, to: &writer) }
            writer.endArray()
        }
        writer.endObject()
        bytes = writer.bytes
    }
}
