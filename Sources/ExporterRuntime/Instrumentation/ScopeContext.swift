/// The scope that instrumented code currently runs in: the parent of every scope, call and mark it starts.
public struct ScopeContext: Sendable, Hashable {
    /// The scope's uuid.
    public let uuid: String
    /// The uuid of the outermost scope of the run (the trace).
    public let rootUUID: String

    /// Creates a context.
    public init(uuid: String, rootUUID: String) {
        self.uuid = uuid
        self.rootUUID = rootUUID
    }
}
