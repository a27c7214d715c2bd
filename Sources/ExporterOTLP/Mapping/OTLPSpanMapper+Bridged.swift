import ExporterEvents

/// A library's span bridged from swift-distributed-tracing (ExporterTracing) keeps its own semantics: its name
/// (as it was at the end: servers often rename a span once the route is known), kind, attributes as the library
/// set them, span events, links and status. None of OpenInference's attributes or this runtime's identity
/// attributes are added: they describe agent work, which such a span is not.
extension OTLPSpanMapper {
    /// OpenTelemetry's span kind for a bridged span's kind.
    static func spanKind(of kind: TracerSpanFields.Kind) -> OTLPSpan.SpanKind {
        switch kind {
        case .internal: .internal
        case .server: .server
        case .client: .client
        case .producer: .producer
        case .consumer: .consumer
        }
    }

    /// A bridged span's status as the library set it (unset unless it set one); unset while unfinished.
    static func bridgedStatus(of fields: TracerSpanFields, span: Span) -> (code: OTLPStatus.StatusCode, message: String)
    {
        if span.isUnfinished { return (.unset, "") }
        switch fields.statusCode {
        case .unset: return (.unset, "")
        case .ok: return (.ok, "")
        case .error: return (.error, fields.statusMessage ?? "")
        }
    }

    /// Adds `attributes` in their order, each as the closest OTLP value.
    static func addLibraryAttributes(_ attributes: JSONObject, to list: inout some OTLPAttributeSink) {
        for (key, value) in attributes {
            if let value = attributeValue(of: value) { list.add(key, value) }
        }
    }

    /// The OTLP value of a bridged attribute: scalars as themselves, a list as a list of strings (OTLP values of
    /// this exporter hold no other list), anything else as its JSON text; nil for null.
    static func attributeValue(of value: JSONValue) -> OTLPAttributeValue? {
        switch value {
        case .null: return nil
        case .bool(let bool): return .bool(bool)
        case .int(let int): return .int(int)
        case .double(let double): return .double(double)
        case .string(let string): return .string(string)
        case .array(let elements): return .stringArray(elements.map { $0.stringValue ?? $0.jsonString })
        case .largeInteger, .object: return .string(value.jsonString)
        }
    }

    /// The span events of a bridged span: its `addEvent`s and `recordError`s, each with its own attributes.
    func bridgedEvents(of span: Span) -> [OTLPSpan.Event] {
        span.events.map { event in
            var spanEvent = OTLPSpan.Event()
            spanEvent.timeUnixNano = Self.timeUnixNano(of: event)
            spanEvent.name = event.name
            var list = OTLPAttributeList(reservingCapacity: 4)
            Self.addLibraryAttributes(TracerSpanFields.eventAttributes(of: event) ?? [:], to: &list)
            spanEvent.attributes = list.keyValues
            return spanEvent
        }
    }

    /// The links of a bridged span.
    static func links(of fields: TracerSpanFields) -> [OTLPSpan.Link] {
        fields.links.map { link in
            var otlp = OTLPSpan.Link()
            otlp.traceID = data(link.target.traceID.high, link.target.traceID.low)
            otlp.spanID = data(link.target.spanID.value)
            otlp.traceState = link.target.traceState ?? ""
            var list = OTLPAttributeList(reservingCapacity: link.attributes.count)
            addLibraryAttributes(link.attributes, to: &list)
            otlp.attributes = list.keyValues
            return otlp
        }
    }
}
