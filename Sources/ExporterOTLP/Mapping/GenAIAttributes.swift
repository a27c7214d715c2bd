/// The OpenTelemetry GenAI semantic conventions' attribute names and values this mapper writes (semantic
/// conventions 1.41, as `swift-otel-semantic-conventions` 1.44.0 lists them).
///
/// Written here rather than taken from that package: it has them only behind its `Experimental` trait and marks
/// every one deprecated ("moved to the semantic-conventions-genai repository"), so using it would put a deprecation
/// warning on each use in a build that allows none. Its module costs little to build (6 s of CPU with the trait);
/// the day the GenAI repository publishes Swift names, they replace this file.
enum GenAIAttributes {
    static let operationName = "gen_ai.operation.name"
    static let providerName = "gen_ai.provider.name"
    static let requestModel = "gen_ai.request.model"
    static let responseModel = "gen_ai.response.model"
    static let usageInputTokens = "gen_ai.usage.input_tokens"
    static let usageOutputTokens = "gen_ai.usage.output_tokens"
    static let usageCacheReadInputTokens = "gen_ai.usage.cache_read.input_tokens"
    static let usageReasoningOutputTokens = "gen_ai.usage.reasoning.output_tokens"
    static let toolName = "gen_ai.tool.name"
    static let toolCallID = "gen_ai.tool.call.id"
    static let toolCallArguments = "gen_ai.tool.call.arguments"
    static let toolCallResult = "gen_ai.tool.call.result"
    static let agentName = "gen_ai.agent.name"
    static let conversationID = "gen_ai.conversation.id"
    static let inputMessages = "gen_ai.input.messages"
    static let outputMessages = "gen_ai.output.messages"
    static let systemInstructions = "gen_ai.system_instructions"

    /// `gen_ai.operation.name` values.
    enum Operation {
        static let chat = "chat"
        static let executeTool = "execute_tool"
        static let invokeAgent = "invoke_agent"
        static let embeddings = "embeddings"
        static let retrieval = "retrieval"
    }
}
