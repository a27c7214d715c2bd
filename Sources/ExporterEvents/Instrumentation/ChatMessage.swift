/// One message of a chat conversation, in the OpenAI chat shape: the input and output of managed LLM calls, so that
/// the OpenInference layer can flatten them into `llm.input_messages.N.message.*` and `llm.output_messages.N.*`.
public struct ChatMessage: Sendable, Hashable {
    /// Who speaks: `system`, `user`, `assistant`, `tool`, or any other role a provider uses.
    public var role: Role
    /// The text, or content parts (an array of objects), or nil (an assistant message that only calls tools).
    public var content: JSONValue?
    /// The participant's name, when the provider distinguishes several.
    public var name: String?
    /// On a `tool` message: the id of the tool call it answers.
    public var toolCallID: String?
    /// On an `assistant` message: the tools it asks to call.
    public var toolCalls: [ToolCall]

    /// Creates a message.
    public init(
        role: Role,
        content: JSONValue?,
        name: String? = nil,
        toolCallID: String? = nil,
        toolCalls: [ToolCall] = []
    ) {
        self.role = role
        self.content = content
        self.name = name
        self.toolCallID = toolCallID
        self.toolCalls = toolCalls
    }

    /// A system message.
    public static func system(_ text: String) -> ChatMessage { ChatMessage(role: .system, content: .string(text)) }

    /// A user message.
    public static func user(_ text: String) -> ChatMessage { ChatMessage(role: .user, content: .string(text)) }

    /// An assistant message, with the tool calls it asks for.
    public static func assistant(_ text: String?, toolCalls: [ToolCall] = []) -> ChatMessage {
        ChatMessage(role: .assistant, content: text.map(JSONValue.string), toolCalls: toolCalls)
    }

    /// A tool result answering the call `toolCallID`.
    public static func tool(_ content: JSONValue, toolCallID: String) -> ChatMessage {
        ChatMessage(role: .tool, content: content, toolCallID: toolCallID)
    }

    /// The content when it is plain text.
    public var text: String? { content?.stringValue }

    /// A message role; any string is accepted, so unknown provider roles survive a round trip.
    public struct Role: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
        /// The role's name.
        public var rawValue: String

        /// A role named `rawValue`.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// A role from a literal.
        public init(stringLiteral value: String) { self.rawValue = value }

        /// Instructions to the model.
        public static let system: Role = "system"
        /// The human side.
        public static let user: Role = "user"
        /// The model.
        public static let assistant: Role = "assistant"
        /// A tool's result.
        public static let tool: Role = "tool"

        public var description: String { rawValue }
    }
}

/// A tool call that an assistant message asks for.
public struct ToolCall: Sendable, Hashable {
    /// The call's id, repeated by the `tool` message (and the tool scope's `toolCallID`) that answers it.
    public var id: String
    /// The function to call.
    public var name: String
    /// The arguments, as structured JSON (a provider's JSON-encoded string stays a string).
    public var arguments: JSONValue

    /// Creates a tool call.
    public init(id: String, name: String, arguments: JSONValue) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }
}
