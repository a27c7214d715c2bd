import ExporterRuntime

/// The fixed event mix every figure drives: one agent turn is ten events —
/// workflow start → function start → LLM start (system prompt, history, user question) → two streamed chunks →
/// LLM end (an assistant message asking for a tool, token usage) → tool start (JSON arguments) → tool end (JSON
/// result) → function end → workflow end — with payloads of the sizes a real support agent produces (a 1 KB
/// system prompt, a few hundred bytes of tool output).
///
/// Turns differ only in their uuids and timestamps; their payloads share storage, as a real application's
/// constant prompts would, so a pool of turns costs little memory.
struct EventMix {
    /// Events per turn.
    static let eventsPerTurn = 10

    /// `turns` turns, one after the other, 1 ms apart; scope uuids are unique across the whole pool.
    static func events(
        turns: Int,
        startingAt start: Timestamp = Timestamp(nanosecondsSinceEpoch: 1_764_460_800_000_000_000)
    ) -> [AgentEvent] {
        let payloads = Payloads()
        var events: [AgentEvent] = []
        events.reserveCapacity(turns * eventsPerTurn)
        for turn in 0..<turns {
            events += self.turn(turn, at: start.nanosecondsSinceEpoch + Int64(turn) * 1_000_000, payloads: payloads)
        }
        return events
    }

    /// A uuid in the canonical 8-4-4-4-12 form, unique for (turn, scope).
    static func uuid(turn: Int, scope: Int) -> String {
        let hex = String(UInt64(turn), radix: 16)
        let tail = String(repeating: "0", count: max(0, 12 - hex.count)) + hex
        return "0b7c1e2d-3f40-4a5b-8c6d-\(scope)\(tail.suffix(11))"
    }

    private static func turn(_ turn: Int, at base: Int64, payloads: Payloads) -> [AgentEvent] {
        let workflow = uuid(turn: turn, scope: 1)
        let function = uuid(turn: turn, scope: 2)
        let llm = uuid(turn: turn, scope: 3)
        let tool = uuid(turn: turn, scope: 4)
        func at(_ microseconds: Int64) -> Timestamp { Timestamp(nanosecondsSinceEpoch: base + microseconds * 1_000) }
        return [
            AgentEvent(
                uuid: workflow,
                rootUUID: workflow,
                phase: .start,
                category: .agent,
                name: "support-bot",
                timestamp: at(0),
                input: payloads.question,
                metadata: payloads.workflowMetadata,
                framework: "langchain"
            ),
            AgentEvent(
                uuid: function,
                parentUUID: workflow,
                rootUUID: workflow,
                phase: .start,
                category: .function,
                name: "react_agent",
                timestamp: at(15),
                input: payloads.question
            ),
            AgentEvent(
                uuid: llm,
                parentUUID: function,
                rootUUID: workflow,
                phase: .start,
                category: .llm,
                name: "meta/llama-3.1-70b-instruct",
                timestamp: at(40),
                input: payloads.chatInput,
                metadata: payloads.llmMetadata,
                modelName: "meta/llama-3.1-70b-instruct"
            ),
            AgentEvent(
                uuid: llm,
                parentUUID: function,
                rootUUID: workflow,
                phase: .chunk,
                category: .llm,
                name: "meta/llama-3.1-70b-instruct",
                timestamp: at(180),
                chunk: payloads.chunks[0]
            ),
            AgentEvent(
                uuid: llm,
                parentUUID: function,
                rootUUID: workflow,
                phase: .chunk,
                category: .llm,
                name: "meta/llama-3.1-70b-instruct",
                timestamp: at(260),
                chunk: payloads.chunks[1]
            ),
            AgentEvent(
                uuid: llm,
                parentUUID: function,
                rootUUID: workflow,
                phase: .end,
                category: .llm,
                name: "meta/llama-3.1-70b-instruct",
                timestamp: at(420),
                startTimestamp: at(40),
                output: payloads.chatOutput,
                modelName: "meta/llama-3.1-70b-instruct",
                tokenUsage: TokenUsage(prompt: 412, completion: 38, cached: 256)
            ),
            AgentEvent(
                uuid: tool,
                parentUUID: function,
                rootUUID: workflow,
                phase: .start,
                category: .tool,
                name: "lookup_order",
                timestamp: at(430),
                input: payloads.toolArguments,
                toolCallID: "call_8f3a2c"
            ),
            AgentEvent(
                uuid: tool,
                parentUUID: function,
                rootUUID: workflow,
                phase: .end,
                category: .tool,
                name: "lookup_order",
                timestamp: at(610),
                startTimestamp: at(430),
                output: payloads.toolResult,
                toolCallID: "call_8f3a2c"
            ),
            AgentEvent(
                uuid: function,
                parentUUID: workflow,
                rootUUID: workflow,
                phase: .end,
                category: .function,
                name: "react_agent",
                timestamp: at(640),
                startTimestamp: at(15),
                output: payloads.answer
            ),
            AgentEvent(
                uuid: workflow,
                rootUUID: workflow,
                phase: .end,
                category: .agent,
                name: "support-bot",
                timestamp: at(650),
                startTimestamp: at(0),
                output: payloads.answer
            ),
        ]
    }

    /// The payloads of a turn, built once.
    private struct Payloads {
        let question: JSONValue =
            "Where is my order A-17? It was supposed to arrive on Friday and the tracking page has not changed since Tuesday."
        let answer: JSONValue =
            "Your order A-17 shipped on Tuesday with UPS (tracking 1Z999AA10123456784) and is due tomorrow, Saturday, before 8 pm. I have asked the carrier to notify you by SMS."
        let workflowMetadata: JSONObject = [
            "session.id": "s-42",
            "user.id": "u-7",
            "workflow_run_id": "run-5e1b9c7d",
            "conversation_id": "conv-2024-0042",
        ]
        let llmMetadata: JSONObject = ["llm.provider": "nim", "temperature": 0.2, "max_tokens": 1024]
        let chunks: [JSONValue] = ["Let me look up", " order A-17 for you."]
        let chatInput: JSONValue
        let chatOutput: JSONValue
        let toolArguments: JSONValue = [
            "order_id": "A-17", "include_history": true, "fields": ["status", "carrier", "eta", "events"],
        ]
        let toolResult: JSONValue = [
            "order_id": "A-17", "status": "shipped", "carrier": "UPS", "tracking": "1Z999AA10123456784",
            "eta": "2026-12-05T20:00:00Z",
            "events": [
                ["at": "2026-12-01T09:12:00Z", "what": "label created"],
                ["at": "2026-12-01T17:40:00Z", "what": "picked up"],
                ["at": "2026-12-02T06:05:00Z", "what": "arrived at facility, Louisville KY"],
            ],
        ]

        init() {
            let systemPrompt = String(
                repeating: "You are a courteous support agent for an online store. Answer from tool results only; "
                    + "never invent order data. ",
                count: 8
            )
            let history: [ChatMessage] = [
                .system(systemPrompt),
                .user("Hi, I ordered a pair of hiking boots last week."),
                .assistant("Thanks! How can I help with that order?"),
                .user("Where is my order A-17? It was supposed to arrive on Friday."),
            ]
            chatInput = .array(history.map(\.jsonValue))
            chatOutput =
                ChatMessage.assistant(
                    "Let me look up order A-17 for you.",
                    toolCalls: [ToolCall(id: "call_8f3a2c", name: "lookup_order", arguments: toolArguments)]
                ).jsonValue
        }
    }
}
