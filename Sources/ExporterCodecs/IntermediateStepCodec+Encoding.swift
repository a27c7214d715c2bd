import ExporterEvents

extension IntermediateStepCodec {
    private static let lineKeys: Set<String> = ["parent_id", "function_ancestry", "payload"]
    private static let payloadKeys: Set<String> = [
        "event_type", "event_timestamp", "span_event_timestamp", "framework", "name", "tags", "metadata", "data",
        "usage_info", "UUID", CanonicalSupplement.key,
    ]

    /// Appends one event as a line (without the newline) to `buffer`.
    public static func encode(_ event: AgentEvent, to buffer: inout [UInt8]) {
        let ext = IntermediateStepExtension(event.extensions[extensionKey]?.objectValue)
        var line = StreamingObject(opening: &buffer)

        /// Writes a derived field: the original as read while it still applies, else the streaming form.
        func field(
            _ field: IntermediateStepField,
            _ key: StaticString,
            in object: inout StreamingObject,
            _ write: (inout [UInt8]) -> Void
        ) {
            if !ext.asRead.isEmpty,
                let replacement = ext.asRead.replacement(
                    for: field.rawValue,
                    encoded: { field.encodedValue(of: event, extension: ext) }
                )
            {
                if let replacement {
                    object.key(quoted: key, to: &buffer)
                    JSONWriter.write(replacement, to: &buffer)
                }
                return
            }
            object.key(quoted: key, to: &buffer)
            write(&buffer)
        }

        field(.parentID, "\"parent_id\"", in: &line) { JSONWriter.writeString(event.parentUUID ?? "root", to: &$0) }
        field(.functionAncestry, "\"function_ancestry\"", in: &line) { buffer in
            if let ancestry = ext.functionAncestry {
                JSONWriter.write(ancestry, to: &buffer)
                return
            }
            JSONWriter.writeRaw("{\"function_id\":", to: &buffer)
            JSONWriter.writeString(event.uuid, to: &buffer)
            JSONWriter.writeRaw(",\"function_name\":", to: &buffer)
            JSONWriter.writeString(event.name, to: &buffer)
            JSONWriter.writeRaw(",\"parent_id\":", to: &buffer)
            if let parent = event.parentUUID {
                JSONWriter.writeString(parent, to: &buffer)
                JSONWriter.writeRaw(",\"parent_name\":null}", to: &buffer)
            } else {
                JSONWriter.writeRaw("\"root\",\"parent_name\":\"root\"}", to: &buffer)
            }
        }

        line.key(quoted: "\"payload\"", to: &buffer)
        var payload = StreamingObject(opening: &buffer)
        field(.eventType, "\"event_type\"", in: &payload) { buffer in
            buffer.append(UInt8(ascii: "\""))
            JSONWriter.writeRaw(
                IntermediateStepEventType.encode(phase: event.phase, category: event.category),
                to: &buffer
            )
            buffer.append(UInt8(ascii: "\""))
        }
        field(.eventTimestamp, "\"event_timestamp\"", in: &payload) {
            JSONWriter.writeDouble(event.timestamp.secondsSinceEpoch, to: &$0)
        }
        field(.spanEventTimestamp, "\"span_event_timestamp\"", in: &payload) { buffer in
            if let start = event.startTimestamp {
                JSONWriter.writeDouble(start.secondsSinceEpoch, to: &buffer)
            } else {
                JSONWriter.writeNull(to: &buffer)
            }
        }
        field(.framework, "\"framework\"", in: &payload) {
            JSONWriter.writeString(writtenFramework(of: event), to: &$0)
        }
        field(.name, "\"name\"", in: &payload) { JSONWriter.writeString(writtenName(of: event), to: &$0) }
        field(.tags, "\"tags\"", in: &payload) { buffer in
            guard !event.tags.isEmpty else { return JSONWriter.writeNull(to: &buffer) }
            buffer.append(UInt8(ascii: "["))
            for (index, tag) in event.tags.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                JSONWriter.writeString(tag, to: &buffer)
            }
            buffer.append(UInt8(ascii: "]"))
        }
        field(.metadata, "\"metadata\"", in: &payload) { buffer in
            if event.metadata.isEmpty {
                JSONWriter.writeNull(to: &buffer)
            } else {
                JSONWriter.write(event.metadata, to: &buffer)
            }
        }
        field(.data, "\"data\"", in: &payload) { buffer in
            guard event.input != nil || event.output != nil || event.chunk != nil || ext.dataExtra != nil else {
                return JSONWriter.writeNull(to: &buffer)
            }
            var data = StreamingObject(opening: &buffer)
            data.key(quoted: "\"input\"", to: &buffer)
            JSONWriter.write(event.input, to: &buffer)
            data.key(quoted: "\"output\"", to: &buffer)
            JSONWriter.write(event.output, to: &buffer)
            data.key(quoted: "\"chunk\"", to: &buffer)
            JSONWriter.write(event.chunk, to: &buffer)
            if let extra = ext.dataExtra {
                data.members(of: extra, skipping: ["input", "output", "chunk"], to: &buffer)
            } else {
                data.key(quoted: "\"payload\"", to: &buffer)
                JSONWriter.writeNull(to: &buffer)
            }
            data.close(&buffer)
        }
        field(.usageInfo, "\"usage_info\"", in: &payload) { buffer in
            guard event.tokenUsage != nil || ext.usageExtra != nil else { return JSONWriter.writeNull(to: &buffer) }
            var usage = StreamingObject(opening: &buffer)
            usage.key(quoted: "\"token_usage\"", to: &buffer)
            if let tokens = event.tokenUsage { tokens.write(to: &buffer) } else { JSONWriter.writeNull(to: &buffer) }
            if let extra = ext.usageExtra {
                usage.members(of: extra, skipping: ["token_usage"], to: &buffer)
            } else {
                usage.key(quoted: "\"num_llm_calls\"", to: &buffer)
                JSONWriter.writeInt(event.category == .llm ? 1 : 0, to: &buffer)
                usage.key(quoted: "\"seconds_between_calls\"", to: &buffer)
                JSONWriter.writeInt(0, to: &buffer)
            }
            usage.close(&buffer)
        }
        payload.key(quoted: "\"UUID\"", to: &buffer)
        JSONWriter.writeString(event.uuid, to: &buffer)
        let supplement = IntermediateStepField.canonical.encodedValue(of: event, extension: ext)
        if !ext.asRead.isEmpty,
            let replacement = ext.asRead.replacement(
                for: IntermediateStepField.canonical.rawValue,
                encoded: { supplement }
            )
        {
            if let replacement { payload.member(CanonicalSupplement.key, replacement, to: &buffer) }
        } else if let supplement {
            payload.member(CanonicalSupplement.key, supplement, to: &buffer)
        }
        payload.members(of: ext.payloadExtra, skipping: payloadKeys, to: &buffer)
        payload.close(&buffer)
        line.members(of: ext.lineExtra, skipping: lineKeys, to: &buffer)
        line.close(&buffer)
    }
}
