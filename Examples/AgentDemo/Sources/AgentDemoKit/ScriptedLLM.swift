import ExporterRuntime
import Synchronization

/// A chat model that plays a script: each call returns the script's next turn, with token usage computed from the
/// messages it was sent (``TokenEstimate``). It never touches the network, so the demo is deterministic.
///
/// Like a provider with prompt caching, it counts as cached the tokens of the leading messages that repeat the
/// previous call's prompt. Each conversation gets its own instance.
public final class ScriptedLLM: Sendable {
    /// The model name reported on every call.
    public let model: String
    /// The provider reported on every call.
    public let provider: String
    /// How long each call takes.
    public let latency: Duration

    private struct State: Sendable {
        var remaining: [ScriptedTurn]
        var previousPrompt: [ChatMessage] = []
        var usages: [TokenUsage] = []
    }

    private let state: Mutex<State>

    /// A model that plays `script` in order.
    public init(model: String, provider: String = "scripted", script: [ScriptedTurn], latency: Duration = .zero) {
        self.model = model
        self.provider = provider
        self.latency = latency
        state = Mutex(State(remaining: script))
    }

    /// The usage of every call so far, in call order.
    public var usages: [TokenUsage] { state.withLock { $0.usages } }

    /// Answers `messages` with the script's next turn and the call's token usage.
    ///
    /// - Throws: ``ScriptedLLMError/scriptExhausted(model:)`` when the script has no turn left.
    public func complete(_ messages: [ChatMessage]) async throws -> (turn: ScriptedTurn, usage: TokenUsage) {
        if latency > .zero { try await Task.sleep(for: latency) }
        return try state.withLock { state in
            guard !state.remaining.isEmpty else { throw ScriptedLLMError.scriptExhausted(model: model) }
            let turn = state.remaining.removeFirst()
            let prompt = messages.reduce(0) { $0 + TokenEstimate.tokens(in: $1) }
            let cached = zip(messages, state.previousPrompt).prefix { $0 == $1 }
                .reduce(0) { $0 + TokenEstimate.tokens(in: $1.0) }
            let completion = TokenEstimate.tokens(in: turn.message) + turn.reasoningTokens
            let usage = TokenUsage(
                prompt: prompt,
                completion: completion,
                cached: cached,
                reasoning: turn.reasoningTokens
            )
            state.previousPrompt = messages
            state.usages.append(usage)
            return (turn, usage)
        }
    }
}

/// Why a scripted model could not answer.
public enum ScriptedLLMError: Error, Hashable, CustomStringConvertible {
    /// The agent called the model more often than the script foresaw.
    case scriptExhausted(model: String)

    public var description: String {
        switch self {
        case .scriptExhausted(let model): "the script of '\(model)' has no turn left"
        }
    }
}
