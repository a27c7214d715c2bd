import ExporterDiagnostics
import ExporterEvents
import SwiftProtobuf

/// What an OTLP/HTTP traces body carries, read back with swift-protobuf's message types (protobuf) or the
/// runtime's JSON parser (OTLP/JSON): for tests of exporters, which see only the public API of this module.
public struct OTLPTraceRequestSummary: Sendable, Hashable {
    /// The names of the spans, in the order they are sent.
    public var spanNames: [String]
    /// The string-valued resource attributes (of the first resource).
    public var resourceAttributes: [String: String]
    /// The request as OTLP/JSON text: the body itself for JSON, its OTLP/JSON rendering for protobuf.
    public var json: String

    /// Reads `body`, encoded as `encoding`.
    ///
    /// - Throws: `DiagnosticError` `OTLP004` when the body is not an `ExportTraceServiceRequest` in `encoding`.
    public init(body: [UInt8], encoding: OTLPEncoding) throws(DiagnosticError) {
        var jsonBytes = body
        if encoding == .protobuf {
            do {
                jsonBytes = OTLPJSONEncoder().encode(try OTLPTraceRequest(serializedBytes: body))
            } catch {
                throw DiagnosticError(.error(.otlpNotATraceRequest, "not an OTLP protobuf trace request: \(error)"))
            }
        }
        let document = try JSONValue(parsing: jsonBytes)
        guard let resources = document["resourceSpans"]?.arrayValue else {
            throw DiagnosticError(.error(.otlpNotATraceRequest, "not an OTLP/JSON trace request: no 'resourceSpans'"))
        }
        var names: [String] = []
        var attributes: [String: String] = [:]
        for (index, resourceSpans) in resources.enumerated() {
            if index == 0 {
                for attribute in resourceSpans["resource"]?["attributes"]?.arrayValue ?? [] {
                    if let key = attribute["key"]?.stringValue,
                        let value = attribute["value"]?["stringValue"]?.stringValue
                    {
                        attributes[key] = value
                    }
                }
            }
            for scopeSpans in resourceSpans["scopeSpans"]?.arrayValue ?? [] {
                for span in scopeSpans["spans"]?.arrayValue ?? [] {
                    names.append(span["name"]?.stringValue ?? "")
                }
            }
        }
        spanNames = names
        resourceAttributes = attributes
        json = String(decoding: jsonBytes, as: UTF8.self)
    }
}
