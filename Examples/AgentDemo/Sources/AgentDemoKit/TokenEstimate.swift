import ExporterRuntime

/// A deterministic token count for text and chat messages: one token per four UTF-8 bytes (rounded up) plus a
/// fixed overhead per message, close enough to real tokenizers for a demo and the same on every run.
public enum TokenEstimate {
    /// Tokens every message costs besides its content (role and separators).
    public static let perMessageOverhead = 4

    /// Tokens for `text`.
    public static func tokens(in text: String) -> Int {
        (text.utf8.count + 3) / 4
    }

    /// Tokens for one chat message: its content, name, tool call id and tool calls.
    public static func tokens(in message: ChatMessage) -> Int {
        var count = perMessageOverhead + tokens(in: message.role.rawValue)
        if let content = message.content { count += tokens(in: compactJSON(content, unquotedString: true)) }
        if let name = message.name { count += tokens(in: name) }
        if let id = message.toolCallID { count += tokens(in: id) }
        for call in message.toolCalls {
            count += tokens(in: call.id) + tokens(in: call.name) + tokens(in: compactJSON(call.arguments))
        }
        return count
    }

    /// Compact JSON text of `value`; a string stays bare when `unquotedString` is set.
    static func compactJSON(_ value: JSONValue, unquotedString: Bool = false) -> String {
        if unquotedString, let text = value.stringValue { return text }
        var bytes: [UInt8] = []
        JSONWriter.write(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
