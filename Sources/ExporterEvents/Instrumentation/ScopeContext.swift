/// The scope that instrumented code currently runs in: the parent of every scope, call and mark it starts.
public struct ScopeContext: Sendable, Hashable {
    /// The scope's uuid.
    public let uuid: String
    /// The uuid of the outermost scope of the run (the trace).
    public let rootUUID: String
    /// The function scope running here, for the toolkit's `function_ancestry` of what starts inside.
    let function: FunctionAncestry

    /// Creates a context (outside any function scope, as far as the toolkit's `function_ancestry` goes).
    public init(uuid: String, rootUUID: String) {
        self.init(uuid: uuid, rootUUID: rootUUID, function: .root)
    }

    /// A context for a scope that is not one of ours (a library's span) opened inside `parent`: what starts in it
    /// keeps the function ancestry of `parent`.
    package init(uuid: String, rootUUID: String, inheritingFrom parent: ScopeContext?) {
        self.init(uuid: uuid, rootUUID: rootUUID, function: parent?.function ?? .root)
    }

    init(uuid: String, rootUUID: String, function: FunctionAncestry) {
        self.uuid = uuid
        self.rootUUID = rootUUID
        self.function = function
    }
}
