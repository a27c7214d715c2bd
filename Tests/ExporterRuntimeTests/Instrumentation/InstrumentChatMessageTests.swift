import ExporterRuntime
import Testing

@Suite struct InstrumentChatMessageTests {
    @Test func messagesRoundTripThroughTheOpenAIShape() {
        let messages: [ChatMessage] = [
            .system("rules"),
            ChatMessage(role: .user, content: [["type": "text", "text": "hi"]], name: "ana"),
            .assistant(nil, toolCalls: [ToolCall(id: "c1", name: "search", arguments: ["q": "x"])]),
            .tool(["hits": 3], toolCallID: "c1"),
            ChatMessage(role: "critic", content: "fine"),
        ]
        let json = messages.jsonValue
        #expect(
            json.arrayValue?[2] == [
                "role": "assistant", "content": .null,
                "tool_calls": [
                    ["id": "c1", "type": "function", "function": ["name": "search", "arguments": ["q": "x"]]]
                ],
            ]
        )
        #expect(json.arrayValue?[3] == ["role": "tool", "content": ["hits": 3], "tool_call_id": "c1"])
        #expect(ChatMessage.messages(from: json) == messages)
    }

    @Test func readsSingleObjectsAndRejectsNonMessages() {
        #expect(ChatMessage.messages(from: ["role": "user", "content": "hi"]) == [.user("hi")])
        #expect(ChatMessage.messages(from: "plain prompt") == nil)
        #expect(ChatMessage(json: ["content": "no role"]) == nil)
        #expect(
            ToolCall(json: ["id": "c", "name": "flat", "arguments": "{\"a\":1}"])
                == ToolCall(id: "c", name: "flat", arguments: "{\"a\":1}")
        )
        #expect(ToolCall(json: ["id": "c"]) == nil)
    }
}
