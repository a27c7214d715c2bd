/// Metadata keys with a meaning to the runtime: instrumentation writes them, the span layer reads them.
public enum MetadataKeys {
    /// The session (conversation) id, set on the root scope and inherited by every span of its trace.
    public static let sessionID = "session.id"
    /// The user id, set on the root scope and inherited by every span of its trace.
    public static let userID = "user.id"
    /// A span name that takes precedence over the event's name (the toolkit's `provided_metadata.display_name`).
    public static let displayName = "display_name"
    /// The provider of an LLM call (`openai`, `nvidia`, ...), for OpenInference `llm.provider`.
    public static let llmProvider = "llm.provider"
    /// The run's trace id, 32 hex digits, set on the root scope: every span of the run gets it as its trace id (the
    /// toolkit's `workflow_trace_id`), so that traces match the application's logs.
    public static let workflowTraceID = "workflow_trace_id"
    /// The run's id, set on the root scope (the toolkit's `workflow_run_id`).
    public static let workflowRunID = "workflow_run_id"
}
