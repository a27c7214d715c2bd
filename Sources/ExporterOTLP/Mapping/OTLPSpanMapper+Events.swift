import ExporterRuntime

extension OTLPSpanMapper {
    /// The span's chunks and marks as span events, then for a failed span the `exception` event.
    func events(of span: Span) -> [OTLPSpan.Event] {
        var events: [OTLPSpan.Event] = []
        events.reserveCapacity(span.events.count + 1)
        for event in span.events { events.append(spanEvent(for: event)) }
        if case .error(let type, let message) = span.status, !span.isUnfinished {
            var exception = OTLPSpan.Event()
            exception.name = "exception"
            exception.timeUnixNano = UInt64(clamping: span.end.nanosecondsSinceEpoch)
            var list = OTLPAttributeList(reservingCapacity: 2)
            list.add("exception.type", string: type)
            list.add("exception.message", string: message)
            exception.attributes = list.keyValues
            events.append(exception)
        }
        return events
    }

    /// A chunk becomes `llm.chunk` (on an LLM scope, else `chunk`) with its data; any other event (a mark, a
    /// repeated start) is named after itself and carries its uuid and phase as well.
    private func spanEvent(for event: AgentEvent) -> OTLPSpan.Event {
        var spanEvent = OTLPSpan.Event()
        spanEvent.timeUnixNano = UInt64(clamping: event.timestamp.nanosecondsSinceEpoch)
        var list = OTLPAttributeList(reservingCapacity: 4)
        if event.phase == .chunk {
            spanEvent.name = event.category == .llm ? "llm.chunk" : "chunk"
            list.add(keys.data, textOrJSON: event.chunk)
        } else {
            spanEvent.name = event.name
            list.add(keys.uuid, string: event.uuid)
            list.add(keys.phase, string: event.phase.rawValue)
            list.add(keys.data, textOrJSON: event.chunk ?? event.input ?? event.output)
            if !event.metadata.isEmpty { list.add("metadata", string: event.metadata.jsonString) }
        }
        spanEvent.attributes = list.keyValues
        return spanEvent
    }
}
