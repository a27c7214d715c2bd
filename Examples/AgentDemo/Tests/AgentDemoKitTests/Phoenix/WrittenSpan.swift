import ExporterRuntime

/// One line of the demo's `spans.jsonl` (the `file` exporter's `spans` format): the span as the runtime made it,
/// the reference that Phoenix's copy is compared with.
struct WrittenSpan: Sendable {
    /// The token counts of a model call.
    struct Tokens: Sendable {
        var prompt: Int64
        var completion: Int64
        var cached: Int64
        var reasoning: Int64
        var total: Int64
    }

    var traceID: String
    var spanID: String
    var parentSpanID: String?
    var name: String
    /// The runtime's category name (`agent`, `llm`, `tool`, ...).
    var category: String
    var modelName: String?
    var sessionID: String?
    var userID: String?
    var tokens: Tokens?
    /// The error's type and message; nil when the span ended OK.
    var error: (type: String, message: String)?

    /// Decodes one parsed line.
    init(json: JSONValue) throws {
        func string(_ key: String) throws -> String {
            guard let text = json[key]?.stringValue else {
                throw DemoPhoenixRun.Failure(message: "spans.jsonl line without a string \(key): \(json)")
            }
            return text
        }
        traceID = try string("trace_id")
        spanID = try string("span_id")
        parentSpanID = json["parent_span_id"]?.stringValue
        name = try string("name")
        category = try string("category")
        modelName = json["model_name"]?.stringValue
        sessionID = json["session_id"]?.stringValue
        userID = json["user_id"]?.stringValue
        if let usage = json["token_usage"], usage.objectValue != nil {
            func count(_ key: String) throws -> Int64 {
                guard let value = usage[key]?.intValue else {
                    throw DemoPhoenixRun.Failure(message: "token_usage without an integer \(key): \(json)")
                }
                return value
            }
            tokens = Tokens(
                prompt: try count("prompt_tokens"),
                completion: try count("completion_tokens"),
                cached: try count("cached_tokens"),
                reasoning: try count("reasoning_tokens"),
                total: try count("total_tokens")
            )
        }
        if json["status"]?["code"]?.stringValue == "error" {
            error = (json["status"]?["type"]?.stringValue ?? "", json["status"]?["message"]?.stringValue ?? "")
        }
    }
}
