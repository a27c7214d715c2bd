import ExporterEvents
import Tracing
import W3CTraceContext

/// W3C Trace Context: an incoming request's `traceparent` (and `tracestate`) becomes the remote parent of the span
/// that handles it, and an outgoing request carries the current span. Parsing and formatting are
/// swift-w3c-trace-context's.
extension RuntimeTracer {
    /// The W3C header names.
    public static let traceParentHeader = "traceparent"
    public static let traceStateHeader = "tracestate"

    /// Reads `traceparent` and `tracestate` into `context`. A missing or malformed `traceparent` leaves the context
    /// as it was, so the request starts a trace of its own (W3C: a receiver must not continue an invalid header).
    public func extract<Carrier, Extract: Extractor>(
        _ carrier: Carrier,
        into context: inout ServiceContext,
        using extractor: Extract
    ) where Extract.Carrier == Carrier {
        guard let traceParent = extractor.extract(key: Self.traceParentHeader, from: carrier) else { return }
        let traceState = extractor.extract(key: Self.traceStateHeader, from: carrier)
        // A malformed tracestate is dropped, not the traceparent with it (W3C: the two fail independently).
        guard
            let traceContext =
                (try? TraceContext(traceParentHeaderValue: traceParent, traceStateHeaderValue: traceState))
                    ?? (try? TraceContext(traceParentHeaderValue: traceParent)),
            let traceID = ExporterEvents.TraceID(hex: traceContext.traceID.description),
            let spanID = ExporterEvents.SpanID(hex: traceContext.spanID.description)
        else { return }
        context.bridgedSpan = BridgedSpanContext(
            scope: nil,
            reference: TracerSpanFields.SpanReference(
                traceID: traceID,
                spanID: spanID,
                traceState: traceContext.traceStateHeaderValue,
                flags: traceContext.flags.rawValue
            ),
            traceState: traceContext.state
        )
    }

    /// Writes the current span of `context` (a library's or one of the agent's scopes) as `traceparent`, and the
    /// caller's `tracestate` when there was one. A context without a span injects nothing.
    public func inject<Carrier, Inject: Injector>(
        _ context: ServiceContext,
        into carrier: inout Carrier,
        using injector: Inject
    ) where Inject.Carrier == Carrier {
        guard let span = context.bridgedSpan else { return }
        let traceContext = TraceContext(
            traceID: W3CTraceContext.TraceID(bytes: Self.traceIDBytes(span.reference.traceID)),
            spanID: W3CTraceContext.SpanID(bytes: Self.spanIDBytes(span.reference.spanID)),
            flags: TraceFlags(rawValue: span.reference.flags),
            state: span.traceState
        )
        injector.inject(traceContext.traceParentHeaderValue, forKey: Self.traceParentHeader, into: &carrier)
        if let traceState = traceContext.traceStateHeaderValue {
            injector.inject(traceState, forKey: Self.traceStateHeader, into: &carrier)
        }
    }

    private static func traceIDBytes(_ id: ExporterEvents.TraceID) -> W3CTraceContext.TraceID.Bytes {
        let b = id.bytes
        return (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15])
    }

    private static func spanIDBytes(_ id: ExporterEvents.SpanID) -> W3CTraceContext.SpanID.Bytes {
        let b = id.bytes
        return (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7])
    }
}
