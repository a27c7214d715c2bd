/// Where a scope sits in its trace: what a child inherits from it.
struct ScopeLineage: Sendable, Hashable {
    var traceID: TraceID
    var spanID: SpanID
    var rootUUID: String
    var sessionID: String?
    var userID: String?
    /// The run's id, from its root.
    var runID: String?
    /// Whether the trace id is the run's own (`workflow_trace_id`) rather than derived from the root's uuid.
    var hasRunTraceID: Bool
    /// Distance from the root (0 at the root), so that unfinished spans can be exported innermost first.
    var depth: Int
}
