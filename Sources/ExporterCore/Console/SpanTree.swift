/// A span with its children, ordered by start time: one trace (or the part of it that arrived) ready to show.
import ExporterEvents

public struct SpanTree: Sendable, Hashable {
    /// The span at the top of this tree.
    public var span: Span
    /// Its children, earliest start first.
    public var children: [SpanTree]

    /// Creates a tree.
    public init(span: Span, children: [SpanTree] = []) {
        self.span = span
        self.children = children
    }

    /// Every span in the tree, depth first, parents before children.
    public var allSpans: [Span] {
        [span] + children.flatMap(\.allSpans)
    }
}

/// Collects the spans of each trace (they arrive children first) and emits the whole tree when its root span
/// arrives; at shutdown, whatever never found its root is emitted as trees of their own.
///
/// Memory is bounded by the spans of traces whose root has not ended yet.
public struct SpanTreeAssembler: Processor {
    public typealias Input = Span
    public typealias Output = SpanTree

    // Finished subtrees waiting for their parent, by the parent's span id, per trace.
    private var waiting: [TraceID: [SpanID: [SpanTree]]] = [:]
    private var treesEmitted = 0

    /// Creates an assembler.
    public init() {}

    public mutating func process(_ span: Span, emit: (SpanTree) async throws -> Void) async throws {
        var pending = waiting[span.traceID] ?? [:]
        let children = (pending.removeValue(forKey: span.spanID) ?? []).sorted { $0.span.start < $1.span.start }
        let tree = SpanTree(span: span, children: children)
        if let parent = span.parentSpanID {
            pending[parent, default: []].append(tree)
            waiting[span.traceID] = pending
            return
        }
        waiting[span.traceID] = pending.isEmpty ? nil : pending
        treesEmitted += 1
        try await emit(tree)
    }

    public mutating func finish(emit: (SpanTree) async throws -> Void) async throws {
        // Parents that never arrived: show each orphaned group as its own tree, in a stable order.
        let traces = waiting.keys.sorted()
        for trace in traces {
            let groups = waiting[trace] ?? [:]
            for parent in groups.keys.sorted() {
                for tree in groups[parent] ?? [] {
                    treesEmitted += 1
                    try await emit(tree)
                }
            }
        }
        waiting = [:]
    }

    public var statistics: [String: Double] {
        ["trees_emitted": Double(treesEmitted), "spans_waiting": Double(waiting.values.reduce(0) { $0 + $1.count })]
    }
}
