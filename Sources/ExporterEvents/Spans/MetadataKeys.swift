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
}
