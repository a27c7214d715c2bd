import ExporterEvents

extension OTLPRequestBuilder {
    /// The protobuf bytes of ``request(for:)``, written directly from the spans without building the generated
    /// messages: the same bytes swift-protobuf's `serializedBytes()` gives for that request (fields in field-number
    /// order, defaults left out), at a fraction of the cost.
    package func protobufBytes(for spans: some Collection<Span>) -> [UInt8] {
        // Roughly 2 KB per span in a realistic agent run; the buffer grows as needed.
        var writer = ProtobufWriter(capacity: 256 + spans.count * 2048)
        // ExportTraceServiceRequest.resource_spans = 1
        writer.writeMessage(1) { resourceSpans in
            // ResourceSpans.resource = 1, Resource.attributes = 1
            resourceSpans.writeMessage(1) { resource in
                resource.writeAttributes(1) { list in
                    for (key, value) in resourceAttributes { list.add(key, value) }
                }
            }
            // ResourceSpans.scope_spans = 2
            resourceSpans.writeMessage(2) { scopeSpans in
                // ScopeSpans.scope = 1: InstrumentationScope.name = 1, version = 2
                scopeSpans.writeMessage(1) { scope in
                    scope.writeStringField(1, Self.scopeName)
                    scope.writeStringField(2, Self.version)
                }
                // ScopeSpans.spans = 2
                for span in spans {
                    scopeSpans.writeMessage(2) { mapper.writeSpan(span, to: &$0) }
                }
            }
        }
        return writer.bytes
    }
}

extension OTLPSpanMapper {
    /// `Span` field numbers.
    private enum SpanField {
        static let traceID: UInt64 = 1
        static let spanID: UInt64 = 2
        static let parentSpanID: UInt64 = 4
        static let name: UInt64 = 5
        static let kind: UInt64 = 6
        static let startTimeUnixNano: UInt64 = 7
        static let endTimeUnixNano: UInt64 = 8
        static let attributes: UInt64 = 9
        static let events: UInt64 = 11
        static let droppedEventsCount: UInt64 = 12
        static let links: UInt64 = 13
        static let status: UInt64 = 15
    }

    /// `Span.Event` field numbers.
    private enum EventField {
        static let timeUnixNano: UInt64 = 1
        static let name: UInt64 = 2
        static let attributes: UInt64 = 3
    }

    /// Writes the body of the OTLP span ``otlpSpan(for:)`` gives, field by field as swift-protobuf would.
    func writeSpan(_ span: Span, to writer: inout ProtobufWriter) {
        if let fields = span.tracerFields {
            writeBridgedSpan(span, fields: fields, to: &writer)
            return
        }
        writer.writeBigEndianField(SpanField.traceID, span.traceID.high, span.traceID.low)
        writer.writeBigEndianField(SpanField.spanID, span.spanID.value)
        if let parent = span.parentSpanID { writer.writeBigEndianField(SpanField.parentSpanID, parent.value) }
        let name = spanName(of: span)
        if !name.isEmpty { writer.writeStringField(SpanField.name, name) }
        let kind = Self.spanKind(of: span.category).rawValue
        if kind != 0 { writer.writeVarintField(SpanField.kind, UInt64(kind)) }
        Self.writeTime(SpanField.startTimeUnixNano, UInt64(clamping: span.start.nanosecondsSinceEpoch), to: &writer)
        Self.writeTime(SpanField.endTimeUnixNano, UInt64(clamping: span.end.nanosecondsSinceEpoch), to: &writer)
        writer.writeAttributes(SpanField.attributes) { addAttributes(of: span, to: &$0) }
        for event in span.events {
            writer.writeMessage(SpanField.events) { spanEvent in
                Self.writeTime(EventField.timeUnixNano, Self.timeUnixNano(of: event), to: &spanEvent)
                let name = spanEventName(of: event)
                if !name.isEmpty { spanEvent.writeStringField(EventField.name, name) }
                spanEvent.writeAttributes(EventField.attributes) { addSpanEventAttributes(of: event, to: &$0) }
            }
        }
        if let exception = Self.exception(of: span) {
            writer.writeMessage(SpanField.events) { spanEvent in
                Self.writeTime(EventField.timeUnixNano, exception.timeUnixNano, to: &spanEvent)
                spanEvent.writeStringField(EventField.name, Self.exceptionEventName)
                spanEvent.writeAttributes(EventField.attributes) {
                    Self.addExceptionAttributes(type: exception.type, message: exception.message, to: &$0)
                }
            }
        }
        let droppedEvents = UInt32(clamping: span.droppedEventCount)
        if droppedEvents != 0 { writer.writeVarintField(SpanField.droppedEventsCount, UInt64(droppedEvents)) }
        // The status is always set, so always written, even when empty. Status.message = 2, code = 3.
        let (code, message) = Self.statusCode(of: span)
        writer.writeMessage(SpanField.status) { status in
            if !message.isEmpty { status.writeStringField(2, message) }
            if code.rawValue != 0 { status.writeVarintField(3, UInt64(code.rawValue)) }
        }
    }

    /// `Span.Link` field numbers.
    private enum LinkField {
        static let traceID: UInt64 = 1
        static let spanID: UInt64 = 2
        static let traceState: UInt64 = 3
        static let attributes: UInt64 = 4
    }

    /// Writes a bridged library span (``bridgedEvents(of:)``, ``links(of:)``): its own name, kind, attributes,
    /// events, links and status.
    private func writeBridgedSpan(_ span: Span, fields: TracerSpanFields, to writer: inout ProtobufWriter) {
        writer.writeBigEndianField(SpanField.traceID, span.traceID.high, span.traceID.low)
        writer.writeBigEndianField(SpanField.spanID, span.spanID.value)
        if let parent = span.parentSpanID { writer.writeBigEndianField(SpanField.parentSpanID, parent.value) }
        let name = span.endEvent?.name ?? span.name
        if !name.isEmpty { writer.writeStringField(SpanField.name, name) }
        let kind = Self.spanKind(of: fields.kind).rawValue
        if kind != 0 { writer.writeVarintField(SpanField.kind, UInt64(kind)) }
        Self.writeTime(SpanField.startTimeUnixNano, UInt64(clamping: span.start.nanosecondsSinceEpoch), to: &writer)
        Self.writeTime(SpanField.endTimeUnixNano, UInt64(clamping: span.end.nanosecondsSinceEpoch), to: &writer)
        writer.writeAttributes(SpanField.attributes) { Self.addLibraryAttributes(fields.attributes, to: &$0) }
        for event in span.events {
            writer.writeMessage(SpanField.events) { spanEvent in
                Self.writeTime(EventField.timeUnixNano, Self.timeUnixNano(of: event), to: &spanEvent)
                if !event.name.isEmpty { spanEvent.writeStringField(EventField.name, event.name) }
                let attributes = TracerSpanFields.eventAttributes(of: event) ?? [:]
                spanEvent.writeAttributes(EventField.attributes) { Self.addLibraryAttributes(attributes, to: &$0) }
            }
        }
        let droppedEvents = UInt32(clamping: span.droppedEventCount)
        if droppedEvents != 0 { writer.writeVarintField(SpanField.droppedEventsCount, UInt64(droppedEvents)) }
        for link in fields.links {
            writer.writeMessage(SpanField.links) { linkWriter in
                linkWriter.writeBigEndianField(LinkField.traceID, link.target.traceID.high, link.target.traceID.low)
                linkWriter.writeBigEndianField(LinkField.spanID, link.target.spanID.value)
                if let traceState = link.target.traceState, !traceState.isEmpty {
                    linkWriter.writeStringField(LinkField.traceState, traceState)
                }
                linkWriter.writeAttributes(LinkField.attributes) { Self.addLibraryAttributes(link.attributes, to: &$0) }
            }
        }
        let (code, message) = Self.bridgedStatus(of: fields, span: span)
        writer.writeMessage(SpanField.status) { status in
            if !message.isEmpty { status.writeStringField(2, message) }
            if code.rawValue != 0 { status.writeVarintField(3, UInt64(code.rawValue)) }
        }
    }

    /// A fixed64 timestamp, left out when zero as protobuf leaves out defaults.
    private static func writeTime(_ field: UInt64, _ nanoseconds: UInt64, to writer: inout ProtobufWriter) {
        if nanoseconds != 0 { writer.writeFixed64Field(field, nanoseconds) }
    }
}
