import ExporterRuntime
import Synchronization

/// How a conversation ended: the answer, what each model call cost, and which tool calls failed.
public struct ConversationOutcome: Sendable, Hashable {
    /// The conversation played.
    public var conversation: Conversation
    /// The agent's final answer.
    public var answer: String
    /// The token usage the model reported on each call, in call order.
    public var usages: [TokenUsage]
    /// The ids of the tool calls that failed.
    public var failedToolCalls: [String]

    /// Creates an outcome.
    public init(conversation: Conversation, answer: String, usages: [TokenUsage], failedToolCalls: [String]) {
        self.conversation = conversation
        self.answer = answer
        self.usages = usages
        self.failedToolCalls = failedToolCalls
    }
}

/// The ids of failed tool calls, appended from inside the agent's scopes.
final class FailureLog: Sendable {
    private let ids = Mutex<[String]>([])

    func append(_ id: String) {
        ids.withLock { $0.append(id) }
    }

    var entries: [String] { ids.withLock { $0 } }
}
