/// How event payloads become ATIF text and tool arguments without losing anything.
import ExporterEvents

enum ATIFText {
    /// A string as is; text content parts (`{"type": "text", "text": ...}`) joined by newlines; anything else
    /// (objects, arrays, numbers, other parts) as compact JSON; nil and `null` as "".
    static func text(of value: JSONValue?) -> String {
        switch value {
        case nil, .null?: return ""
        case .string(let string)?: return string
        case .array(let parts)? where !parts.isEmpty:
            var texts: [String] = []
            for part in parts {
                guard let object = part.objectValue, object["type"] == "text", let text = object["text"]?.stringValue
                else { return json(.array(parts)) }
                texts.append(text)
            }
            return texts.joined(separator: "\n")
        case let other?: return json(other)
        }
    }

    /// Compact JSON text of `value`.
    static func json(_ value: JSONValue) -> String {
        var buffer: [UInt8] = []
        JSONWriter.write(value, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Tool arguments as the object ATIF requires: an object as is, a JSON-encoded object decoded, nothing as
    /// `{}`, anything else wrapped as `{"input": value}`.
    static func arguments(_ value: JSONValue) -> JSONObject {
        switch value {
        case .object(let object): return object
        case .null: return [:]
        case .string(let string):
            if string.isEmpty { return [:] }
            if let decoded = try? JSONParser().parse(string), case .object(let object) = decoded { return object }
            return ["input": value]
        default: return ["input": value]
        }
    }
}

/// The answer of an LLM call, read from its END: the output when it is a chat message (or an array ending with
/// the answer), else the toolkit's `chat_responses` metadata for the tool calls and the output (or the streamed
/// chunks) for the text.
struct ATIFAssistantAnswer {
    var text: String
    var reasoning: String?
    var toolCalls: [ATIFToolCall]

    init(event: AgentEvent, streamedText: String) {
        let fromOutput = Self.assistantMessage(in: event.output)
        let message = fromOutput ?? Self.assistantMessage(in: event.metadata["chat_responses"])
        if let fromOutput {
            text = ATIFText.text(of: fromOutput["content"])
        } else if let output = event.output {
            text = ATIFText.text(of: output)
        } else if let message {
            text = ATIFText.text(of: message["content"])
        } else {
            text = streamedText
        }
        reasoning = (message?["reasoning_content"] ?? message?["reasoning"])?.stringValue
        toolCalls = (message.flatMap { ChatMessage(json: .object($0)) }?.toolCalls ?? []).map { call in
            ATIFToolCall(toolCallID: call.id, functionName: call.name, arguments: ATIFText.arguments(call.arguments))
        }
    }

    /// The last assistant message (else the last message) of a message or an array of messages.
    private static func assistantMessage(in value: JSONValue?) -> JSONObject? {
        switch value {
        case .object(let object)? where object["role"]?.stringValue != nil:
            return object
        case .array(let elements)?:
            let messages = elements.compactMap { element -> JSONObject? in
                guard let object = element.objectValue, object["role"]?.stringValue != nil else { return nil }
                return object
            }
            return messages.last { $0["role"] == "assistant" } ?? messages.last
        default:
            return nil
        }
    }
}
