import ExporterEvents
import Foundation

/// Maps a ``Span`` to an OTLP span with OpenTelemetry and OpenInference attributes; `docs/span-mapping.md` has
/// the full table.
///
/// The mapping is deterministic: ids are the span's own (derived from the scope uuids, so every export of the same
/// events joins), attributes come in a fixed order, and nothing random or clock-dependent is added. Attributes of
/// this runtime's own (`uuid`, `parent_uuid`, `category`, ...) carry a configurable prefix, `nat` by default so
/// that queries written for the toolkit's spans keep working.
public struct OTLPSpanMapper: Sendable {
    /// How spans are mapped.
    public struct Options: Sendable, Hashable {
        /// The prefix of this runtime's own attributes (`<prefix>.uuid`, `<prefix>.unfinished`, ...) and of the
        /// toolkit-compatible set. Default `nat`, the toolkit's.
        public var attributePrefix: String
        /// Adds the toolkit's `nat.*` attributes (`<prefix>.event_type`, `<prefix>.span.kind`, ...), for
        /// dashboards built on the toolkit's spans. Default false.
        public var toolkitAttributes: Bool
        /// The attribute conventions written (`conventions`): OpenInference (the default), the OpenTelemetry GenAI
        /// semantic conventions, or both.
        public var conventions: Set<OTLPConvention>
        /// Adds message content to the GenAI attributes (`gen_ai.input.messages`, `gen_ai.output.messages`,
        /// `gen_ai.system_instructions`, tool arguments and results). Off by default, as the conventions ask,
        /// since it carries what users wrote. OpenInference's `input.value` and `llm.input_messages.*` are not
        /// affected: leave OpenInference out, or redact them, to keep content out.
        public var captureMessageContent: Bool

        /// Creates options.
        public init(
            attributePrefix: String = "nat",
            toolkitAttributes: Bool = false,
            conventions: Set<OTLPConvention> = [.openInference],
            captureMessageContent: Bool = false
        ) {
            self.attributePrefix = attributePrefix
            self.toolkitAttributes = toolkitAttributes
            self.conventions = conventions
            self.captureMessageContent = captureMessageContent
        }
    }

    /// The options the mapper was made with.
    public let options: Options
    let keys: PrefixedKeys
    /// The conventions, read once per mapper rather than hashed once per span.
    let writesOpenInference: Bool
    let writesGenAI: Bool

    /// Creates a mapper.
    public init(options: Options = Options()) {
        self.options = options
        keys = PrefixedKeys(prefix: options.attributePrefix)
        writesOpenInference = options.conventions.contains(.openInference)
        writesGenAI = options.conventions.contains(.genAI)
    }

    /// The OTLP span for `span`.
    package func otlpSpan(for span: Span) -> OTLPSpan {
        var otlp = OTLPSpan()
        otlp.traceID = Self.data(span.traceID.high, span.traceID.low)
        otlp.spanID = Self.data(span.spanID.value)
        if let parent = span.parentSpanID { otlp.parentSpanID = Self.data(parent.value) }
        otlp.startTimeUnixNano = UInt64(clamping: span.start.nanosecondsSinceEpoch)
        otlp.endTimeUnixNano = UInt64(clamping: span.end.nanosecondsSinceEpoch)
        otlp.droppedEventsCount = UInt32(clamping: span.droppedEventCount)
        if let fields = span.tracerFields {
            otlp.name = span.endEvent?.name ?? span.name
            otlp.kind = Self.spanKind(of: fields.kind)
            var list = OTLPAttributeList(reservingCapacity: fields.attributes.count)
            Self.addLibraryAttributes(fields.attributes, to: &list)
            otlp.attributes = list.keyValues
            otlp.events = bridgedEvents(of: span)
            otlp.links = Self.links(of: fields)
            let (code, message) = Self.bridgedStatus(of: fields, span: span)
            otlp.status.code = code
            otlp.status.message = message
            return otlp
        }
        otlp.name = spanName(of: span)
        otlp.kind = Self.spanKind(of: span.category)
        otlp.attributes = attributes(of: span)
        otlp.events = events(of: span)
        otlp.status = status(of: span)
        return otlp
    }

    /// CLIENT for calls out of the process (models, tools, retrieval), INTERNAL for the agent's own work.
    static func spanKind(of category: EventCategory) -> OTLPSpan.SpanKind {
        switch category {
        case .llm, .tool, .retriever, .embedder, .reranker: .client
        case .agent, .function, .task, .guardrail, .evaluator, .custom, .unknown: .internal
        }
    }

    private func status(of span: Span) -> OTLPStatus {
        var status = OTLPStatus()
        let (code, message) = Self.statusCode(of: span)
        status.code = code
        status.message = message
        return status
    }

    /// The status code and message: unset for an unfinished span, ok, or error with the error's message.
    static func statusCode(of span: Span) -> (code: OTLPStatus.StatusCode, message: String) {
        if span.isUnfinished { return (.unset, "") }
        switch span.status {
        case .ok: return (.ok, "")
        case .error(_, let message): return (.error, message)
        }
    }

    /// Big-endian bytes of the id words, as OTLP carries ids.
    static func data(_ words: UInt64...) -> Data {
        var data = Data(capacity: words.count * 8)
        for word in words {
            withUnsafeBytes(of: word.bigEndian) { data.append(contentsOf: $0) }
        }
        return data
    }
}
