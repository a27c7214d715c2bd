import ExporterRuntime

/// A tool-using support agent: it sends the conversation to the model, runs the tools the model asks for, hands
/// their results (or errors) back, and stops at the model's answer.
///
/// Every step is instrumented: the conversation is an agent scope carrying the session and user ids, each model
/// call an LLM scope with chat messages and token usage, each tool call a tool scope with structured arguments and
/// result. A failing tool ends its scope with an error status; the agent catches the error and tells the model.
public struct SupportAgent: Sendable {
    /// The agent's name (the root span's name).
    public var name: String
    /// The model name the scripted LLM reports.
    public var model: String
    /// The system prompt opening every conversation.
    public var systemPrompt: String
    /// The tools, by name.
    public var tools: [String: Tool]
    /// The most model calls one conversation may make.
    public var maxModelCalls: Int
    /// How long each scripted model call takes (to make concurrency visible; zero in tests).
    public var modelLatency: Duration

    /// An agent with the demo's tools.
    public init(
        name: String = "support-bot",
        model: String = "gpt-4o-mini",
        systemPrompt: String = "You are a concise support agent. Use the tools; never guess order or stock data.",
        tools: [Tool] = Tool.demoTools,
        maxModelCalls: Int = 6,
        modelLatency: Duration = .milliseconds(40)
    ) {
        self.name = name
        self.model = model
        self.systemPrompt = systemPrompt
        self.tools = Dictionary(tools.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        self.maxModelCalls = maxModelCalls
        self.modelLatency = modelLatency
    }

    /// Plays one conversation to its answer.
    ///
    /// - Throws: ``SupportAgentError/tooManyModelCalls(limit:)`` when the model never answers, or the model's error.
    public func answer(_ conversation: Conversation) async throws -> ConversationOutcome {
        let llm = ScriptedLLM(model: model, script: conversation.script, latency: modelLatency)
        let failures = FailureLog()
        let answer: String = try await Instrument.agent(
            name,
            input: .string(conversation.question),
            sessionID: conversation.sessionID,
            userID: conversation.userID
        ) { _ in
            var messages: [ChatMessage] = [.system(systemPrompt), .user(conversation.question)]
            for _ in 0..<maxModelCalls {
                let turn = try await Instrument.llm(model: model, provider: llm.provider, messages: messages) { call in
                    let (turn, usage) = try await llm.complete(messages)
                    call.finish(message: turn.message, usage: usage)
                    return turn
                }
                messages.append(turn.message)
                switch turn {
                case .answer(let text, _):
                    return text
                case .callTools(let calls, _, _):
                    for call in calls {
                        messages.append(await run(call, failures: failures))
                    }
                }
            }
            throw SupportAgentError.tooManyModelCalls(limit: maxModelCalls)
        }
        return ConversationOutcome(
            conversation: conversation,
            answer: answer,
            usages: llm.usages,
            failedToolCalls: failures.entries
        )
    }

    /// Runs one tool call; a failure becomes the tool message the model reads, so the conversation goes on.
    private func run(_ call: ToolCall, failures: FailureLog) async -> ChatMessage {
        do {
            let result = try await Instrument.tool(call.name, toolCallID: call.id, arguments: call.arguments) { _ in
                guard let tool = tools[call.name] else { throw ToolError.unknownTool(call.name) }
                return try await tool.body(call.arguments.objectValue ?? [:])
            }
            return .tool(result, toolCallID: call.id)
        } catch {
            // The tool's scope has already ended with the error status; the model decides what to do next.
            failures.append(call.id)
            return .tool(["error": .string(String(describing: error))], toolCallID: call.id)
        }
    }
}

/// Why the agent gave up on a conversation.
public enum SupportAgentError: Error, Hashable, CustomStringConvertible {
    /// The model kept calling tools past the limit.
    case tooManyModelCalls(limit: Int)

    public var description: String {
        switch self {
        case .tooManyModelCalls(let limit): "the model made \(limit) calls without answering"
        }
    }
}
