import ExporterRuntime

/// One trace as MLflow's Python client returns it (`Scripts/mlflow-traces.py`): what MLflow stored and understood,
/// not what was sent.
struct MLflowTrace: Sendable {
    /// One span of the trace.
    struct Span: Sendable {
        var name: String
        /// The span id, 16 hex digits.
        var spanID: String
        /// The parent's span id; nil at the root.
        var parentID: String?
        /// MLflow's span type (`AGENT`, `CHAIN`, `LLM`, `TOOL`, ...), derived from the span's attributes.
        var spanType: String?
        /// `span.inputs` and `span.outputs` as MLflow decoded them.
        var inputs: JSONValue
        var outputs: JSONValue
        /// Every attribute as MLflow holds it (its own `mlflow.*` ones included), values decoded from its JSON.
        var attributes: [String: JSONValue]
    }

    /// MLflow's trace id (`tr-` and the OTLP trace id in hex).
    var traceID: String
    var requestPreview: String?
    var responsePreview: String?
    /// `mlflow.trace.session`, `mlflow.trace.user`, `mlflow.trace.tokenUsage`, ...
    var metadata: [String: String]
    /// The trace's token usage as MLflow sums it (`input_tokens`, `output_tokens`, `total_tokens`).
    var tokenUsage: JSONValue
    var spans: [Span]

    init(json: JSONValue) throws {
        guard let info = json["info"], let traceID = info["trace_id"]?.stringValue,
            let spans = json["spans"]?.arrayValue
        else { throw MLflowHarness.Failure(message: "not an MLflow trace: \(json)") }
        self.traceID = traceID
        requestPreview = info["request_preview"]?.stringValue
        responsePreview = info["response_preview"]?.stringValue
        var metadata: [String: String] = [:]
        for (key, value) in info["trace_metadata"]?.objectValue?.members ?? [] {
            metadata[key] = value.stringValue
        }
        self.metadata = metadata
        tokenUsage = info["token_usage"] ?? .null
        self.spans = try spans.map { span in
            guard let name = span["name"]?.stringValue, let spanID = span["span_id"]?.stringValue else {
                throw MLflowHarness.Failure(message: "not an MLflow span: \(span)")
            }
            var attributes: [String: JSONValue] = [:]
            for (key, value) in span["attributes"]?.objectValue?.members ?? [] { attributes[key] = value }
            return Span(
                name: name,
                spanID: spanID,
                parentID: span["parent_id"]?.stringValue,
                spanType: span["span_type"]?.stringValue,
                inputs: span["inputs"] ?? .null,
                outputs: span["outputs"] ?? .null,
                attributes: attributes
            )
        }
    }
}
