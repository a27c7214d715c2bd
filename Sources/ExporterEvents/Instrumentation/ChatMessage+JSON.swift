extension ChatMessage: JSONRepresentable {
    /// `{"role", "content", "name"?, "tool_call_id"?, "tool_calls"?}` as OpenAI writes chat messages; `content` is
    /// written even when nil (as `null`), absent optional members are left out.
    public var jsonValue: JSONValue {
        var object: JSONObject = ["role": .string(role.rawValue), "content": content ?? .null]
        if let name { object["name"] = .string(name) }
        if let toolCallID { object["tool_call_id"] = .string(toolCallID) }
        if !toolCalls.isEmpty { object["tool_calls"] = .array(toolCalls.map(\.jsonValue)) }
        return .object(object)
    }

    /// Reads a message in the OpenAI chat shape; nil when `json` is not an object with a string `role`.
    public init?(json: JSONValue) {
        guard let object = json.objectValue, let role = object["role"]?.stringValue else { return nil }
        // Spelled out: `nil` in a closure returning JSONValue would be the JSON literal `null`, not absence.
        var content: JSONValue? = object["content"]
        if content?.isNull == true { content = nil }
        let toolCalls = object["tool_calls"]?.arrayValue?.compactMap(ToolCall.init(json:)) ?? []
        self.init(
            role: Role(rawValue: role),
            content: content,
            name: object["name"]?.stringValue,
            toolCallID: object["tool_call_id"]?.stringValue,
            toolCalls: toolCalls
        )
    }

    /// The messages of an LLM input or output: an array of messages or a single message object; nil when `json`
    /// holds something else (a plain prompt string, say). Elements that are not messages are skipped.
    public static func messages(from json: JSONValue) -> [ChatMessage]? {
        switch json {
        case .array(let elements): elements.compactMap(ChatMessage.init(json:))
        case .object: ChatMessage(json: json).map { [$0] }
        default: nil
        }
    }
}

extension ToolCall: JSONRepresentable {
    /// `{"id", "type": "function", "function": {"name", "arguments"}}` as OpenAI writes tool calls, except that
    /// `arguments` stays structured JSON rather than a JSON-encoded string.
    public var jsonValue: JSONValue {
        [
            "id": .string(id),
            "type": "function",
            "function": ["name": .string(name), "arguments": arguments],
        ]
    }

    /// Reads the OpenAI tool call shape (also the flat `{"id", "name", "arguments"}`); nil without an id and a name.
    public init?(json: JSONValue) {
        guard let object = json.objectValue, let id = object["id"]?.stringValue else { return nil }
        let function = object["function"]?.objectValue ?? object
        guard let name = function["name"]?.stringValue else { return nil }
        self.init(id: id, name: name, arguments: function["arguments"] ?? .null)
    }
}
