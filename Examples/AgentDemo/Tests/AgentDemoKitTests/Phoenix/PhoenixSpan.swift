import ExporterRuntime

/// One span as Phoenix's REST API (`GET /v1/projects/{name}/spans`) returns it: what Phoenix stored and understood,
/// not what was sent. (A copy of the root package's test type, which this package cannot import, plus the status.)
struct PhoenixSpan: Sendable {
    /// The span's name.
    var name: String
    /// The trace id, in hex as Phoenix stores it.
    var traceID: String
    /// The span id, in hex.
    var spanID: String
    /// The parent's span id; nil at a root.
    var parentID: String?
    /// Phoenix's reading of `openinference.span.kind` (`AGENT`, `CHAIN`, `LLM`, `TOOL`, ...).
    var spanKind: String
    /// `OK`, `ERROR` or `UNSET`.
    var statusCode: String
    /// The status message (empty unless the span failed).
    var statusMessage: String
    /// The attributes, flattened to dotted keys (`llm.token_count.prompt`).
    var attributes: [String: JSONValue]

    /// Decodes one element of the REST API's `data` array.
    init(json: JSONValue) throws {
        func string(_ value: JSONValue?, _ what: String) throws -> String {
            guard let text = value?.stringValue else {
                throw DemoPhoenixRun.Failure(message: "Phoenix span without a string \(what): \(json)")
            }
            return text
        }
        name = try string(json["name"], "name")
        traceID = try string(json["context"]?["trace_id"], "context.trace_id")
        spanID = try string(json["context"]?["span_id"], "context.span_id")
        parentID = json["parent_id"]?.stringValue
        spanKind = try string(json["span_kind"], "span_kind")
        statusCode = try string(json["status_code"], "status_code")
        statusMessage = json["status_message"]?.stringValue ?? ""
        var flat: [String: JSONValue] = [:]
        Self.flatten(json["attributes"] ?? .null, prefix: nil, into: &flat)
        attributes = flat
    }

    /// Phoenix may return attributes nested (`{"llm": {"token_count": {...}}}`) or dotted; both become dotted keys.
    private static func flatten(_ value: JSONValue, prefix: String?, into flat: inout [String: JSONValue]) {
        guard let object = value.objectValue else {
            if let prefix { flat[prefix] = value }
            return
        }
        for (key, member) in object {
            flatten(member, prefix: prefix.map { "\($0).\(key)" } ?? key, into: &flat)
        }
    }
}
