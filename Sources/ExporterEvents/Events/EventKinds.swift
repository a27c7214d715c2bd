/// Where an event sits in the life of a scope.
public enum EventPhase: String, Sendable, Hashable, CaseIterable {
    /// A scope opened (toolkit `*_START`, ATOF scope start).
    case start
    /// A scope closed (toolkit `*_END`, ATOF scope end).
    case end
    /// Streaming data inside an open scope (toolkit `LLM_NEW_TOKEN`, `SPAN_CHUNK`).
    case chunk
    /// A point-in-time event (ATOF mark).
    case mark
}

/// What kind of work a scope is.
public enum EventCategory: Sendable, Hashable {
    /// A whole workflow or agent run (toolkit `WORKFLOW`, ATOF `agent`).
    case agent
    /// A function or step of the workflow.
    case function
    /// A call to a language model.
    case llm
    /// A tool call.
    case tool
    /// A task (toolkit `TASK`).
    case task
    /// A retrieval step.
    case retriever
    /// An embedding call.
    case embedder
    /// A reranking call.
    case reranker
    /// A guardrail check.
    case guardrail
    /// An evaluation.
    case evaluator
    /// Anything else, named by its subtype (the toolkit's `CUSTOM`, `SPAN` and `TTC` arrive as
    /// `custom("custom")`, `custom("span")` and `custom("ttc")`).
    case custom(String)
    /// A category this runtime does not know.
    case unknown

    /// The lowercase name used by ATOF and in configuration (`agent`, `llm`, `custom`, ...).
    public var name: String {
        switch self {
        case .agent: "agent"
        case .function: "function"
        case .llm: "llm"
        case .tool: "tool"
        case .task: "task"
        case .retriever: "retriever"
        case .embedder: "embedder"
        case .reranker: "reranker"
        case .guardrail: "guardrail"
        case .evaluator: "evaluator"
        case .custom: "custom"
        case .unknown: "unknown"
        }
    }

    /// The subtype of a custom category.
    public var subtype: String? {
        if case .custom(let subtype) = self { return subtype }
        return nil
    }

    /// The category for a name as `name` returns it (`workflow` is accepted for `agent`); custom gets `subtype`.
    public init?(name: String, subtype: String? = nil) {
        switch name {
        case "agent", "workflow": self = .agent
        case "function": self = .function
        case "llm": self = .llm
        case "tool": self = .tool
        case "task": self = .task
        case "retriever": self = .retriever
        case "embedder": self = .embedder
        case "reranker": self = .reranker
        case "guardrail": self = .guardrail
        case "evaluator": self = .evaluator
        case "custom": self = .custom(subtype ?? "custom")
        case "unknown": self = .unknown
        default: return nil
        }
    }

    /// Every category name that `init(name:)` accepts, for did-you-mean hints and documentation.
    public static let allNames = [
        "agent", "workflow", "function", "llm", "tool", "task", "retriever", "embedder", "reranker", "guardrail",
        "evaluator", "custom", "unknown",
    ]
}

/// Token counts of an LLM call.
public struct TokenUsage: Sendable, Hashable {
    /// Prompt tokens, cached ones included.
    public var promptTokens: Int
    /// Completion tokens, reasoning ones included.
    public var completionTokens: Int
    /// Prompt tokens served from a cache.
    public var cachedTokens: Int
    /// Completion tokens spent on reasoning.
    public var reasoningTokens: Int
    /// Total tokens as the provider reported them.
    public var totalTokens: Int

    /// Creates a usage record; `total` defaults to prompt + completion.
    public init(prompt: Int = 0, completion: Int = 0, cached: Int = 0, reasoning: Int = 0, total: Int? = nil) {
        promptTokens = prompt
        completionTokens = completion
        cachedTokens = cached
        reasoningTokens = reasoning
        totalTokens = total ?? (prompt + completion)
    }
}

/// How a scope ended.
public enum EventStatus: Sendable, Hashable {
    /// It succeeded (or has not ended).
    case ok
    /// It failed; `type` names the error (a Swift type name, `CancellationError` for cancellation).
    case error(type: String, message: String)

    /// True for `.error`.
    public var isError: Bool {
        if case .error = self { return true }
        return false
    }
}
