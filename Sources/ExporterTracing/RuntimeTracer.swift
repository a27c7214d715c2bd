import ExporterEvents
import Tracing

/// A swift-distributed-tracing `Tracer` backed by this runtime: bootstrapped, every `withSpan` of the application and
/// of its libraries (Hummingbird, AsyncHTTPClient, ...) becomes a span of the exporters of the current run, nested
/// with the agent's scopes both ways, in one trace.
///
/// ```swift
/// import ExporterTracing
/// import Tracing
/// InstrumentationSystem.bootstrap(RuntimeTracer())
/// ```
///
/// A span is emitted into ``EventHub/current`` of the task that starts it, as a START and an END of category
/// `custom("span")` (``TracerSpanFields``): exporters of events see it as a generic span, span exporters build it
/// like any scope, and the OTLP exporter writes it with the library's own name, kind, attributes, events, links and
/// status. It is also the `Instrument` of W3C Trace Context (``extract(_:into:using:)``, ``inject(_:into:using:)``).
public struct RuntimeTracer: Tracer {
    public typealias Span = RuntimeSpan

    /// Creates the tracer and makes the agent's scopes (``Instrument``) keep themselves in `ServiceContext`, where
    /// library spans look for their parent. Until a `RuntimeTracer` is made, scopes do not touch `ServiceContext`.
    public init() {
        ScopePropagationSlot.install(ServiceContextPropagation())
    }

    public func startSpan<Instant: TracerInstant>(
        _ operationName: String,
        context: @autoclosure () -> ServiceContext,
        ofKind kind: SpanKind,
        at instant: @autoclosure () -> Instant,
        function: String,
        file fileID: String,
        line: UInt
    ) -> RuntimeSpan {
        var spanContext = context()
        let parent = spanContext.bridgedSpan
        let uuid = Instrument.newUUID()
        let scope = ScopeContext(uuid: uuid, rootUUID: parent?.scope?.rootUUID ?? uuid, inheritingFrom: parent?.scope)
        spanContext.bridgedSpan = .child(uuid: uuid, scope: scope, of: parent)
        // Only a span with no parent in this process continues the caller's span; one under a local span inherits
        // the trace from it.
        let remoteParent = parent?.scope == nil ? parent?.reference : nil
        return RuntimeSpan(
            name: operationName,
            scope: scope,
            parentUUID: parent?.scope?.uuid,
            context: spanContext,
            fields: TracerSpanFields(kind: TracerSpanFields.Kind(kind), remoteParent: remoteParent),
            start: Timestamp(nanosecondsSinceEpoch: Int64(clamping: instant().nanosecondsSinceEpoch)),
            hub: EventHub.current
        )
    }

    /// Nothing to do: spans are handed to the exporters as they end; `ExporterRun.stop` flushes those.
    public func forceFlush() {}
}

extension TracerSpanFields.Kind {
    init(_ kind: SpanKind) {
        switch kind {
        case .server: self = .server
        case .client: self = .client
        case .producer: self = .producer
        case .consumer: self = .consumer
        case .internal: self = .internal
        }
    }
}
