// The trace messages of `opentelemetry/proto/trace/v1/trace.proto`, field by field.
extension OTLPJSONEncoder {
    func write(_ resourceSpans: OTLPResourceSpans, to writer: inout OTLPJSONWriter) {
        writer.beginObject()
        if resourceSpans.hasResource {
            writer.key("resource")
            write(resourceSpans.resource, to: &writer)
        }
        if !resourceSpans.scopeSpans.isEmpty {
            writer.key("scopeSpans")
            writer.beginArray()
            for scopeSpans in resourceSpans.scopeSpans { write(scopeSpans, to: &writer) }
            writer.endArray()
        }
        if !resourceSpans.schemaURL.isEmpty {
            writer.key("schemaUrl")
            writer.string(resourceSpans.schemaURL)
        }
        writer.endObject()
    }

    func write(_ scopeSpans: OTLPScopeSpans, to writer: inout OTLPJSONWriter) {
        writer.beginObject()
        if scopeSpans.hasScope {
            writer.key("scope")
            write(scopeSpans.scope, to: &writer)
        }
        if !scopeSpans.spans.isEmpty {
            writer.key("spans")
            writer.beginArray()
            for span in scopeSpans.spans { write(span, to: &writer) }
            writer.endArray()
        }
        if !scopeSpans.schemaURL.isEmpty {
            writer.key("schemaUrl")
            writer.string(scopeSpans.schemaURL)
        }
        writer.endObject()
    }

    func write(_ span: OTLPSpan, to writer: inout OTLPJSONWriter) {
        writer.beginObject()
        if !span.traceID.isEmpty {
            writer.key("traceId")
            writer.hex(span.traceID)
        }
        if !span.spanID.isEmpty {
            writer.key("spanId")
            writer.hex(span.spanID)
        }
        if !span.traceState.isEmpty {
            writer.key("traceState")
            writer.string(span.traceState)
        }
        if !span.parentSpanID.isEmpty {
            writer.key("parentSpanId")
            writer.hex(span.parentSpanID)
        }
        if !span.name.isEmpty {
            writer.key("name")
            writer.string(span.name)
        }
        if span.kind.rawValue != 0 {
            writer.key("kind")
            writer.number(Int64(span.kind.rawValue))
        }
        if span.startTimeUnixNano != 0 {
            writer.key("startTimeUnixNano")
            writer.quotedDecimal(span.startTimeUnixNano)
        }
        if span.endTimeUnixNano != 0 {
            writer.key("endTimeUnixNano")
            writer.quotedDecimal(span.endTimeUnixNano)
        }
        writeAttributes(span.attributes, droppedCount: span.droppedAttributesCount, to: &writer)
        if !span.events.isEmpty {
            writer.key("events")
            writer.beginArray()
            for event in span.events { write(event, to: &writer) }
            writer.endArray()
        }
        if span.droppedEventsCount != 0 {
            writer.key("droppedEventsCount")
            writer.number(Int64(span.droppedEventsCount))
        }
        if !span.links.isEmpty {
            writer.key("links")
            writer.beginArray()
            for link in span.links { write(link, to: &writer) }
            writer.endArray()
        }
        if span.droppedLinksCount != 0 {
            writer.key("droppedLinksCount")
            writer.number(Int64(span.droppedLinksCount))
        }
        if span.hasStatus {
            writer.key("status")
            write(span.status, to: &writer)
        }
        if span.flags != 0 {
            writer.key("flags")
            writer.number(Int64(span.flags))
        }
        writer.endObject()
    }

    func write(_ event: OTLPSpan.Event, to writer: inout OTLPJSONWriter) {
        writer.beginObject()
        if event.timeUnixNano != 0 {
            writer.key("timeUnixNano")
            writer.quotedDecimal(event.timeUnixNano)
        }
        if !event.name.isEmpty {
            writer.key("name")
            writer.string(event.name)
        }
        writeAttributes(event.attributes, droppedCount: event.droppedAttributesCount, to: &writer)
        writer.endObject()
    }

    func write(_ link: OTLPSpan.Link, to writer: inout OTLPJSONWriter) {
        writer.beginObject()
        if !link.traceID.isEmpty {
            writer.key("traceId")
            writer.hex(link.traceID)
        }
        if !link.spanID.isEmpty {
            writer.key("spanId")
            writer.hex(link.spanID)
        }
        if !link.traceState.isEmpty {
            writer.key("traceState")
            writer.string(link.traceState)
        }
        writeAttributes(link.attributes, droppedCount: link.droppedAttributesCount, to: &writer)
        if link.flags != 0 {
            writer.key("flags")
            writer.number(Int64(link.flags))
        }
        writer.endObject()
    }

    func write(_ status: OTLPStatus, to writer: inout OTLPJSONWriter) {
        writer.beginObject()
        if !status.message.isEmpty {
            writer.key("message")
            writer.string(status.message)
        }
        if status.code.rawValue != 0 {
            writer.key("code")
            writer.number(Int64(status.code.rawValue))
        }
        writer.endObject()
    }
}
