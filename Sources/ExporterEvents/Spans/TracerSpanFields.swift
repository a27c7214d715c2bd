/// What a span of another tracer carries beyond an ``AgentEvent``'s fields: a library's `withSpan` bridged by
/// ExporterTracing is a START and an END of category `custom("span")`, with these fields in the events'
/// ``AgentEvent/extensions`` under ``ExtensionKeys/tracerSpan``.
///
/// The START holds the kind and, for a span that continues a caller's trace (W3C `traceparent`), its remote
/// parent; the END holds everything as it was when the span ended (attributes are often set after the start).
/// A span event (`addEvent`, `recordError`) is a CHUNK of the span whose extension holds the event's attributes.
/// The OTLP mapper writes such a span with its own kind, attributes, links and status, and without OpenInference's.
public struct TracerSpanFields: Sendable, Hashable {
    /// OpenTelemetry's span kind.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case `internal`, server, client, producer, consumer
    }

    /// OpenTelemetry's status code: unset unless the instrumentation set one.
    public enum StatusCode: String, Sendable, Hashable {
        case unset, ok, error
    }

    /// A span in another trace (or the caller's, across a process boundary).
    public struct SpanReference: Sendable, Hashable {
        public var traceID: TraceID
        public var spanID: SpanID
        /// The W3C `tracestate` header value, when there was one.
        public var traceState: String?
        /// The W3C trace flags (bit 0: sampled).
        public var flags: UInt8

        public init(traceID: TraceID, spanID: SpanID, traceState: String? = nil, flags: UInt8 = 1) {
            self.traceID = traceID
            self.spanID = spanID
            self.traceState = traceState
            self.flags = flags
        }
    }

    /// A link to another span, with the link's own attributes.
    public struct Link: Sendable, Hashable {
        public var target: SpanReference
        public var attributes: JSONObject

        public init(target: SpanReference, attributes: JSONObject = [:]) {
            self.target = target
            self.attributes = attributes
        }
    }

    public var kind: Kind
    /// The attributes as the library set them (ints stay ints, arrays stay arrays).
    public var attributes: JSONObject
    public var links: [Link]
    public var statusCode: StatusCode
    public var statusMessage: String?
    /// The caller's span this one continues, for a root span started from an extracted `traceparent`.
    public var remoteParent: SpanReference?

    public init(
        kind: Kind = .internal,
        attributes: JSONObject = [:],
        links: [Link] = [],
        statusCode: StatusCode = .unset,
        statusMessage: String? = nil,
        remoteParent: SpanReference? = nil
    ) {
        self.kind = kind
        self.attributes = attributes
        self.links = links
        self.statusCode = statusCode
        self.statusMessage = statusMessage
        self.remoteParent = remoteParent
    }

    /// The fields `event` carries, or nil for an event that is not a bridged span's.
    public init?(of event: AgentEvent) {
        guard let object = event.extensions[ExtensionKeys.tracerSpan]?.objectValue else { return nil }
        kind = object["kind"]?.stringValue.flatMap(Kind.init(rawValue:)) ?? .internal
        attributes = object["attributes"]?.objectValue ?? [:]
        links =
            object["links"]?.arrayValue?.compactMap { value in
                value.objectValue.flatMap(Self.reference(from:)).map {
                    Link(target: $0, attributes: value["attributes"]?.objectValue ?? [:])
                }
            } ?? []
        let status = object["status"]?.objectValue
        statusCode = status?["code"]?.stringValue.flatMap(StatusCode.init(rawValue:)) ?? .unset
        statusMessage = status?["message"]?.stringValue
        remoteParent = object["remote_parent"]?.objectValue.flatMap(Self.reference(from:))
    }

    /// The extensions of an event that carries these fields.
    public var extensions: JSONObject {
        var object = JSONObject()
        object["kind"] = .string(kind.rawValue)
        if !attributes.isEmpty { object["attributes"] = .object(attributes) }
        if !links.isEmpty {
            object["links"] = .array(
                links.map { link in
                    var linkObject = Self.object(of: link.target)
                    if !link.attributes.isEmpty { linkObject["attributes"] = .object(link.attributes) }
                    return .object(linkObject)
                }
            )
        }
        if statusCode != .unset {
            var status: JSONObject = ["code": .string(statusCode.rawValue)]
            if let statusMessage { status["message"] = .string(statusMessage) }
            object["status"] = .object(status)
        }
        if let remoteParent { object["remote_parent"] = .object(Self.object(of: remoteParent)) }
        return [ExtensionKeys.tracerSpan: .object(object)]
    }

    /// The extensions of a span event (a CHUNK of a bridged span) with `attributes`.
    public static func eventExtensions(attributes: JSONObject) -> JSONObject {
        [ExtensionKeys.tracerSpan: .object(["attributes": .object(attributes)])]
    }

    /// The attributes of a bridged span's event, or nil for any other event.
    public static func eventAttributes(of event: AgentEvent) -> JSONObject? {
        guard let object = event.extensions[ExtensionKeys.tracerSpan]?.objectValue else { return nil }
        return object["attributes"]?.objectValue ?? [:]
    }

    private static func object(of reference: SpanReference) -> JSONObject {
        var object: JSONObject = [
            "trace_id": .string(reference.traceID.description),
            "span_id": .string(reference.spanID.description),
            "flags": .int(Int64(reference.flags)),
        ]
        if let traceState = reference.traceState { object["trace_state"] = .string(traceState) }
        return object
    }

    private static func reference(from object: JSONObject) -> SpanReference? {
        guard let traceID = object["trace_id"]?.stringValue.flatMap(TraceID.init(hex:)),
            let spanID = object["span_id"]?.stringValue.flatMap(SpanID.init(hex:))
        else { return nil }
        let flags = object["flags"]?.intValue.map { UInt8(truncatingIfNeeded: $0) } ?? 1
        return SpanReference(
            traceID: traceID,
            spanID: spanID,
            traceState: object["trace_state"]?.stringValue,
            flags: flags
        )
    }
}

extension TracerSpanFields {
    /// The category of a bridged library span's events.
    public static let category = EventCategory.custom("span")
}

extension Span {
    /// The fields of a bridged library span (ExporterTracing): the END's, else the START's; nil for our own spans
    /// (whose root START may carry a remote parent under the same key, but keeps its own semantics).
    public var tracerFields: TracerSpanFields? {
        guard category == TracerSpanFields.category else { return nil }
        return endEvent.flatMap(TracerSpanFields.init(of:)) ?? TracerSpanFields(of: startEvent)
    }
}
