/// One span as one JSON object: the `spans` format of the `file` exporter.
///
/// ```json
/// {"trace_id":"…32 hex…","span_id":"…16 hex…","parent_span_id":null,"uuid":"…","parent_uuid":null,
///  "name":"chat","category":"llm","subtype":null,"start_time_unix_nano":…,"end_time_unix_nano":…,
///  "status":{"code":"ok"},"unfinished":false,"origin":"scope","model_name":"gpt-4o","tool_call_id":null,
///  "session_id":"s-1","user_id":null,"input":…,"output":…,"metadata":{…},"tags":[],
///  "token_usage":{"prompt_tokens":12,"completion_tokens":1,"cached_tokens":0,"reasoning_tokens":0,"total_tokens":13},
///  "events":[{"name":"…","phase":"chunk","time_unix_nano":…,"data":…}],"dropped_events":0}
/// ```
///
/// Ids and times are those of ``Span``; every key is always present (null when absent), so files are easy to
/// query with `jq`.
public enum SpanJSON {
    /// Appends `span` as one line (with the trailing newline) to `buffer`.
    public static func appendLine(_ span: Span, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "{"))
        key("trace_id", first: true, &buffer)
        JSONWriter.writeString(span.traceID.description, to: &buffer)
        key("span_id", &buffer)
        JSONWriter.writeString(span.spanID.description, to: &buffer)
        key("parent_span_id", &buffer)
        JSONWriter.writeString(span.parentSpanID?.description, to: &buffer)
        key("uuid", &buffer)
        JSONWriter.writeString(span.uuid, to: &buffer)
        key("parent_uuid", &buffer)
        JSONWriter.writeString(span.parentUUID, to: &buffer)
        key("name", &buffer)
        JSONWriter.writeString(span.name, to: &buffer)
        key("category", &buffer)
        JSONWriter.writeString(span.category.name, to: &buffer)
        key("subtype", &buffer)
        JSONWriter.writeString(span.category.subtype, to: &buffer)
        key("start_time_unix_nano", &buffer)
        JSONWriter.writeInt(span.start.nanosecondsSinceEpoch, to: &buffer)
        key("end_time_unix_nano", &buffer)
        JSONWriter.writeInt(span.end.nanosecondsSinceEpoch, to: &buffer)
        key("status", &buffer)
        switch span.status {
        case .ok:
            JSONWriter.writeRaw(#"{"code":"ok"}"#, to: &buffer)
        case .error(let type, let message):
            JSONWriter.writeRaw(#"{"code":"error","type":"#, to: &buffer)
            JSONWriter.writeString(type, to: &buffer)
            JSONWriter.writeRaw(#","message":"#, to: &buffer)
            JSONWriter.writeString(message, to: &buffer)
            buffer.append(UInt8(ascii: "}"))
        }
        key("unfinished", &buffer)
        JSONWriter.writeBool(span.isUnfinished, to: &buffer)
        key("origin", &buffer)
        JSONWriter.writeString(span.origin.rawValue, to: &buffer)
        key("model_name", &buffer)
        JSONWriter.writeString(span.modelName, to: &buffer)
        key("tool_call_id", &buffer)
        JSONWriter.writeString(span.toolCallID, to: &buffer)
        key("session_id", &buffer)
        JSONWriter.writeString(span.sessionID, to: &buffer)
        key("user_id", &buffer)
        JSONWriter.writeString(span.userID, to: &buffer)
        key("input", &buffer)
        JSONWriter.write(span.input, to: &buffer)
        key("output", &buffer)
        JSONWriter.write(span.output, to: &buffer)
        key("metadata", &buffer)
        JSONWriter.write(span.metadata, to: &buffer)
        key("tags", &buffer)
        JSONWriter.write(.array(span.tags.map(JSONValue.string)), to: &buffer)
        key("token_usage", &buffer)
        if let usage = span.tokenUsage {
            JSONWriter.writeRaw(#"{"prompt_tokens":"#, to: &buffer)
            JSONWriter.writeInt(usage.promptTokens, to: &buffer)
            JSONWriter.writeRaw(#","completion_tokens":"#, to: &buffer)
            JSONWriter.writeInt(usage.completionTokens, to: &buffer)
            JSONWriter.writeRaw(#","cached_tokens":"#, to: &buffer)
            JSONWriter.writeInt(usage.cachedTokens, to: &buffer)
            JSONWriter.writeRaw(#","reasoning_tokens":"#, to: &buffer)
            JSONWriter.writeInt(usage.reasoningTokens, to: &buffer)
            JSONWriter.writeRaw(#","total_tokens":"#, to: &buffer)
            JSONWriter.writeInt(usage.totalTokens, to: &buffer)
            buffer.append(UInt8(ascii: "}"))
        } else {
            JSONWriter.writeNull(to: &buffer)
        }
        key("events", &buffer)
        buffer.append(UInt8(ascii: "["))
        for (index, event) in span.events.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            buffer.append(UInt8(ascii: "{"))
            key("name", first: true, &buffer)
            JSONWriter.writeString(event.name, to: &buffer)
            key("phase", &buffer)
            JSONWriter.writeString(event.phase.rawValue, to: &buffer)
            key("uuid", &buffer)
            JSONWriter.writeString(event.uuid, to: &buffer)
            key("time_unix_nano", &buffer)
            JSONWriter.writeInt(event.timestamp.nanosecondsSinceEpoch, to: &buffer)
            key("data", &buffer)
            JSONWriter.write(event.chunk ?? event.input ?? event.output, to: &buffer)
            buffer.append(UInt8(ascii: "}"))
        }
        buffer.append(UInt8(ascii: "]"))
        key("dropped_events", &buffer)
        JSONWriter.writeInt(span.droppedEventCount, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
        buffer.append(UInt8(ascii: "\n"))
    }

    private static func key(_ name: StaticString, first: Bool = false, _ buffer: inout [UInt8]) {
        if !first { buffer.append(UInt8(ascii: ",")) }
        buffer.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { buffer.append(contentsOf: $0) }
        buffer.append(UInt8(ascii: "\""))
        buffer.append(UInt8(ascii: ":"))
    }
}

/// Serializes each span to one `SpanJSON` line.
public struct SpanJSONSerializer: TransformProcessor {
    public typealias Input = Span
    public typealias Output = [UInt8]

    /// Creates the serializer.
    public init() {}

    public func transform(_ span: Span) -> [UInt8]? {
        var line: [UInt8] = []
        line.reserveCapacity(512)
        SpanJSON.appendLine(span, to: &line)
        return line
    }
}

/// Serializes a batch of spans to `SpanJSON` lines, one per span; an empty batch is dropped.
public struct SpanBatchJSONSerializer: TransformProcessor {
    public typealias Input = [Span]
    public typealias Output = [UInt8]

    /// Creates the serializer.
    public init() {}

    public func transform(_ spans: [Span]) -> [UInt8]? {
        guard !spans.isEmpty else { return nil }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(512 * spans.count)
        for span in spans { SpanJSON.appendLine(span, to: &buffer) }
        return buffer
    }
}
