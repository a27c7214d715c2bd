import ExporterEvents

extension TokenUsage {
    /// The toolkit's `token_usage` object, keys in the toolkit's order.
    var jsonObject: JSONObject {
        JSONObject(uniqueMembers: [
            ("prompt_tokens", .int(Int64(promptTokens))),
            ("completion_tokens", .int(Int64(completionTokens))),
            ("cached_tokens", .int(Int64(cachedTokens))),
            ("reasoning_tokens", .int(Int64(reasoningTokens))),
            ("total_tokens", .int(Int64(totalTokens))),
        ])
    }

    /// Reads a `token_usage` object leniently: integer counts are taken, anything else counts as 0 (the codec
    /// keeps the original when that loses information).
    init?(jsonValue: JSONValue?) {
        guard case .object(let object)? = jsonValue else { return nil }
        func count(_ key: String) -> Int { object[key]?.intValue.flatMap { Int(exactly: $0) } ?? 0 }
        let prompt = count("prompt_tokens")
        let completion = count("completion_tokens")
        self.init(
            prompt: prompt,
            completion: completion,
            cached: count("cached_tokens"),
            reasoning: count("reasoning_tokens"),
            total: object["total_tokens"]?.intValue.flatMap { Int(exactly: $0) } ?? prompt + completion
        )
    }

    /// Writes the `token_usage` object straight into `buffer`.
    func write(to buffer: inout [UInt8]) {
        JSONWriter.writeRaw("{\"prompt_tokens\":", to: &buffer)
        JSONWriter.writeInt(promptTokens, to: &buffer)
        JSONWriter.writeRaw(",\"completion_tokens\":", to: &buffer)
        JSONWriter.writeInt(completionTokens, to: &buffer)
        JSONWriter.writeRaw(",\"cached_tokens\":", to: &buffer)
        JSONWriter.writeInt(cachedTokens, to: &buffer)
        JSONWriter.writeRaw(",\"reasoning_tokens\":", to: &buffer)
        JSONWriter.writeInt(reasoningTokens, to: &buffer)
        JSONWriter.writeRaw(",\"total_tokens\":", to: &buffer)
        JSONWriter.writeInt(totalTokens, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }
}

extension EventStatus {
    /// The `{"type": ..., "message": ...}` object codecs write for a failed event, nil when it succeeded.
    var errorJSON: JSONValue? {
        guard case .error(let type, let message) = self else { return nil }
        return .object(JSONObject(uniqueMembers: [("type", .string(type)), ("message", .string(message))]))
    }

    /// Reads an error object as ``errorJSON`` writes it; anything else is `.ok`.
    init(errorJSON: JSONValue?) {
        if case .object(let object)? = errorJSON, case .string(let type)? = object["type"],
            case .string(let message)? = object["message"]
        {
            self = .error(type: type, message: message)
        } else {
            self = .ok
        }
    }
}

extension JSONValue {
    /// The value, or nil when it is `null`: codecs map a JSON `null` to an absent canonical value.
    ///
    /// Written with `if` on purpose: in a ternary, `nil` would become `JSONValue.null` through
    /// `ExpressibleByNilLiteral`.
    static func nonNull(_ value: JSONValue) -> JSONValue? {
        if value.isNull { return nil }
        return value
    }
}
