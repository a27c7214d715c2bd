import ExporterEvents
import ServiceContextModule
import W3CTraceContext

/// What the bridge keeps in a `ServiceContext`: the innermost span, a library's or one of our scopes, or only the
/// caller's span that an extracted `traceparent` names.
struct BridgedSpanContext: Sendable {
    /// The span as a parent in our pipeline; nil for a remote parent (extracted, not yet continued by a span).
    var scope: ScopeContext?
    /// The span's W3C identity: what `inject` writes and what a child continues.
    var reference: TracerSpanFields.SpanReference
    /// The caller's `tracestate`, handed down unchanged.
    var traceState: TraceState

    /// The context of a span `uuid` opened under `parent`: in the parent's trace, or a new one named after its
    /// root, as ``SpanBuilder`` derives it.
    static func child(uuid: String, scope: ScopeContext, of parent: BridgedSpanContext?) -> BridgedSpanContext {
        BridgedSpanContext(
            scope: scope,
            reference: TracerSpanFields.SpanReference(
                traceID: parent?.reference.traceID ?? TraceID(deriving: scope.rootUUID),
                spanID: SpanID(deriving: uuid),
                traceState: parent?.reference.traceState,
                flags: parent?.reference.flags ?? TraceFlags.sampled.rawValue
            ),
            traceState: parent?.traceState ?? TraceState()
        )
    }
}

/// The `ServiceContext` key of ``BridgedSpanContext``.
enum BridgedSpanKey: ServiceContextKey {
    typealias Value = BridgedSpanContext
    static var nameOverride: String? { "exporter-scaffold.span" }
}

extension ServiceContext {
    /// The bridge's innermost span, if any.
    var bridgedSpan: BridgedSpanContext? {
        get { self[BridgedSpanKey.self] }
        set { self[BridgedSpanKey.self] = newValue }
    }
}
