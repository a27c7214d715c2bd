import ExporterRuntime

/// One user's conversation with the agent: who asks, what, and how the scripted model will play it.
public struct Conversation: Sendable, Hashable {
    /// The conversation's session id (`session.id` on every span of its trace).
    public var sessionID: String
    /// The user's id (`user.id` on every span of its trace).
    public var userID: String
    /// The user's question.
    public var question: String
    /// The model's turns, in order.
    public var script: [ScriptedTurn]

    /// Creates a conversation.
    public init(sessionID: String, userID: String, question: String, script: [ScriptedTurn]) {
        self.sessionID = sessionID
        self.userID = userID
        self.question = question
        self.script = script
    }

    /// The tool calls the script asks for, in order.
    public var scriptedToolCalls: [ToolCall] {
        script.flatMap { turn -> [ToolCall] in
            if case .callTools(let calls, _, _) = turn { return calls }
            return []
        }
    }
}

extension Conversation {
    /// The demo's three conversations: an order lookup (one tool), a trip question (two tools in one turn) and a
    /// stock question whose first tool call fails and which the agent recovers from with another tool.
    public static let demo: [Conversation] = [orderStatus, tripPlanning, stockCheck]

    /// Alice asks where her order is.
    public static let orderStatus = Conversation(
        sessionID: "session-alice-001",
        userID: "alice",
        question: "Where is my order A-17?",
        script: [
            .callTools([ToolCall(id: "call-a1", name: "lookup_order", arguments: ["order_id": "A-17"])]),
            .answer("Your order A-17 has shipped with DHL and should arrive on 2 December."),
        ]
    )

    /// Bob plans a trip: weather and currency at once.
    public static let tripPlanning = Conversation(
        sessionID: "session-bob-002",
        userID: "bob",
        question: "I'm flying to Oslo tomorrow with 100 EUR. What's the weather, and how much is that in NOK?",
        script: [
            .callTools(
                [
                    ToolCall(id: "call-b1", name: "get_weather", arguments: ["city": "Oslo"]),
                    ToolCall(
                        id: "call-b2",
                        name: "convert_currency",
                        arguments: ["amount": 100, "from": "EUR", "to": "NOK"]
                    ),
                ],
                text: "Let me check the forecast and the exchange rate.",
                reasoningTokens: 48
            ),
            .answer(
                "Expect light snow in Oslo (-6 to -1 °C); 100 EUR is about 1172 NOK.",
                reasoningTokens: 16
            ),
        ]
    )

    /// Carol asks about stock; the Berlin warehouse is down, so the agent falls back to the catalog.
    public static let stockCheck = Conversation(
        sessionID: "session-carol-003",
        userID: "carol",
        question: "Are the trail boots SKU-9 in stock in Berlin?",
        script: [
            .callTools(
                [
                    ToolCall(
                        id: "call-c1",
                        name: "check_inventory",
                        arguments: ["sku": "SKU-9", "warehouse": "berlin"]
                    )
                ],
                reasoningTokens: 24
            ),
            .callTools(
                [ToolCall(id: "call-c2", name: "search_catalog", arguments: ["query": "SKU-9"])],
                text: "The Berlin warehouse is not answering; let me search the whole catalog."
            ),
            .answer("Berlin's stock can't be checked right now, but SKU-9 ships from Hamburg: 31 pairs are in stock."),
        ]
    )
}
