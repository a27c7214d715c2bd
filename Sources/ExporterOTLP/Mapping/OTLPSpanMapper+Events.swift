import ExporterEvents

extension OTLPSpanMapper {
    /// The span's chunks and marks as span events, then for a failed span the `exception` event.
    func events(of span: Span) -> [OTLPSpan.Event] {
        var events: [OTLPSpan.Event] = []
        events.reserveCapacity(span.events.count + 1)
        for event in span.events {
            var spanEvent = OTLPSpan.Event()
            spanEvent.timeUnixNano = Self.timeUnixNano(of: event)
            spanEvent.name = spanEventName(of: event)
            var list = OTLPAttributeList(reservingCapacity: 4)
            addSpanEventAttributes(of: event, to: &list)
            spanEvent.attributes = list.keyValues
            events.append(spanEvent)
        }
        if let exception = Self.exception(of: span) {
            var spanEvent = OTLPSpan.Event()
            spanEvent.name = Self.exceptionEventName
            spanEvent.timeUnixNano = exception.timeUnixNano
            var list = OTLPAttributeList(reservingCapacity: 2)
            Self.addExceptionAttributes(type: exception.type, message: exception.message, to: &list)
            spanEvent.attributes = list.keyValues
            events.append(spanEvent)
        }
        return events
    }

    /// The name of the `exception` span event.
    static let exceptionEventName = "exception"

    /// The error of a failed (finished) span, for its `exception` event; nil for any other span.
    static func exception(of span: Span) -> (type: String, message: String, timeUnixNano: UInt64)? {
        guard case .error(let type, let message) = span.status, !span.isUnfinished else { return nil }
        return (type, message, UInt64(clamping: span.end.nanosecondsSinceEpoch))
    }

    /// `exception.type` and `exception.message`.
    static func addExceptionAttributes(type: String, message: String, to list: inout some OTLPAttributeSink) {
        list.add("exception.type", string: type)
        list.add("exception.message", string: message)
    }

    /// When an event happened, as OTLP carries it.
    static func timeUnixNano(of event: AgentEvent) -> UInt64 {
        UInt64(clamping: event.timestamp.nanosecondsSinceEpoch)
    }

    /// A chunk becomes `llm.chunk` (on an LLM scope, else `chunk`); any other event (a mark, a repeated start) is
    /// named after itself.
    func spanEventName(of event: AgentEvent) -> String {
        guard event.phase == .chunk else { return event.name }
        return event.category == .llm ? "llm.chunk" : "chunk"
    }

    /// A chunk carries its data; any other event its uuid, phase, data and metadata.
    func addSpanEventAttributes(of event: AgentEvent, to list: inout some OTLPAttributeSink) {
        if event.phase == .chunk {
            list.add(keys.data, textOrJSON: event.chunk)
        } else {
            list.add(keys.uuid, string: event.uuid)
            list.add(keys.phase, string: event.phase.rawValue)
            list.add(keys.data, textOrJSON: event.chunk ?? event.input ?? event.output)
            if !event.metadata.isEmpty { list.add("metadata", string: event.metadata.jsonString) }
        }
    }
}
