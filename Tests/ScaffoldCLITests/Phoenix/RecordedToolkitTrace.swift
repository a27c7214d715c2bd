import ExporterRuntime
import Foundation

/// What a recorded toolkit trace (IntermediateStep JSON lines) says about its scopes, read from the raw JSON rather
/// than through the runtime's codec, so that a test compares a backend's spans with the file, not with our own
/// reading of it.
struct RecordedToolkitTrace {
    /// One START/END pair of the trace.
    struct Scope {
        /// The step's `UUID`.
        var uuid: String
        /// The top-level `parent_id`; nil for the root (the toolkit writes `"root"`).
        var parentUUID: String?
        /// `provided_metadata.display_name` when the START carries one, else the step's `name`.
        var name: String
        /// The `event_type` without `_START`: `WORKFLOW`, `FUNCTION`, `LLM`, `TOOL`, `TASK`, `SPAN`, `TTC`, `CUSTOM`.
        var family: String
        /// For `LLM` steps, the model: the toolkit names LLM steps after the model.
        var modelName: String?
        /// `usage_info.token_usage.prompt_tokens` of the END, when it reports usage.
        var promptTokens: Int64?
        /// `completion_tokens` of the same.
        var completionTokens: Int64?
        /// `total_tokens` of the same.
        var totalTokens: Int64?
        /// `cached_tokens` of the same.
        var cachedTokens: Int64?
        /// `reasoning_tokens` of the same.
        var reasoningTokens: Int64?
        /// `provided_metadata.workflow_trace_id` of the START: the run's own trace id, which the toolkit (and we)
        /// give every span of the run.
        var workflowTraceID: String?
    }

    /// The scopes in the order their STARTs were recorded.
    var scopes: [Scope]

    init(contentsOf url: URL) throws {
        var scopes: [Scope] = []
        var indexByUUID: [String: Int] = [:]
        let text = try String(contentsOf: url, encoding: .utf8)
        for line in text.split(separator: "\n") where !line.allSatisfy(\.isWhitespace) {
            let step = try JSONValue(parsing: String(line))
            guard let payload = step["payload"], let eventType = payload["event_type"]?.stringValue,
                let uuid = payload["UUID"]?.stringValue, let stepName = payload["name"]?.stringValue
            else { continue }
            if eventType.hasSuffix("_START") {
                let family = String(eventType.dropLast("_START".count))
                let parent = step["parent_id"]?.stringValue
                let displayName = payload["metadata"]?["provided_metadata"]?["display_name"]?.stringValue
                indexByUUID[uuid] = scopes.count
                scopes.append(
                    Scope(
                        uuid: uuid,
                        parentUUID: parent == "root" ? nil : parent,
                        name: displayName ?? stepName,
                        family: family,
                        modelName: family == "LLM" ? stepName : nil,
                        workflowTraceID: payload["metadata"]?["provided_metadata"]?["workflow_trace_id"]?.stringValue
                    )
                )
            } else if eventType.hasSuffix("_END"), let index = indexByUUID[uuid],
                let usage = payload["usage_info"]?["token_usage"]
            {
                scopes[index].promptTokens = usage["prompt_tokens"]?.intValue
                scopes[index].completionTokens = usage["completion_tokens"]?.intValue
                scopes[index].totalTokens = usage["total_tokens"]?.intValue
                scopes[index].cachedTokens = usage["cached_tokens"]?.intValue
                scopes[index].reasoningTokens = usage["reasoning_tokens"]?.intValue
            }
        }
        self.scopes = scopes
    }
}
