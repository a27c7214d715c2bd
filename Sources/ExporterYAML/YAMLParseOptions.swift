/// Limits that keep parsing of hostile input fast and small.
public struct YAMLParseOptions: Sendable, Hashable {
    /// The most nodes a document may hold once aliases are expanded (billion-laughs protection).
    public var maxNodes: Int
    /// The most aliases a document may use.
    public var maxAliases: Int
    /// The deepest collections may nest; deeper input is refused rather than risking the stack later.
    public var maxDepth: Int
    /// The most bytes of scalar text a document may hold once aliases are expanded: a few aliases of one long
    /// string are as much a bomb as many aliases of a small mapping, and a node count alone does not see them.
    public var maxExpandedBytes: Int

    /// Creates options; the defaults suit any real configuration file.
    public init(
        maxNodes: Int = 1_000_000,
        maxAliases: Int = 10_000,
        maxDepth: Int = 256,
        maxExpandedBytes: Int = 16 << 20
    ) {
        self.maxNodes = maxNodes
        self.maxAliases = maxAliases
        self.maxDepth = maxDepth
        self.maxExpandedBytes = maxExpandedBytes
    }
}
