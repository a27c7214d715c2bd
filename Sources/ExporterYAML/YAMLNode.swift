import ExporterDiagnostics

/// One node of a parsed YAML document, with the position it was written at.
///
/// Aliases are already resolved: an alias is a copy of the anchored node (cheap, the children are shared), so
/// it carries the anchored node's positions, which is where its content is written.
public struct YAMLNode: Sendable, Hashable {
    /// What a node is.
    public enum Kind: Sendable, Hashable {
        /// A scalar: its text, style and tag.
        case scalar(YAMLScalar)
        /// A sequence of nodes, in order.
        case sequence([YAMLNode])
        /// A mapping's entries, in the order they were written (merge keys already applied).
        case mapping([YAMLMappingEntry])
    }

    /// The node's content.
    public var kind: Kind
    /// Where the node starts (1-based line and column).
    public var location: SourceLocation

    /// Creates a node.
    public init(_ kind: Kind, location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

/// A scalar's text as written (after YAML's own escapes and folding), its style and its tag.
public struct YAMLScalar: Sendable, Hashable {
    /// How a scalar was written; it decides typing: only plain scalars are resolved by the core schema.
    public enum Style: Sendable, Hashable {
        /// Unquoted.
        case plain
        /// `'single quoted'`.
        case singleQuoted
        /// `"double quoted"`.
        case doubleQuoted
        /// A `|` block.
        case literal
        /// A `>` block.
        case folded
    }

    /// The scalar's text.
    public var value: String
    /// How it was written.
    public var style: Style
    /// The explicit tag in resolved form (`tag:yaml.org,2002:str` for `!!str`), or nil when untagged.
    public var tag: String?
    /// The 1-based column of the value's first character when every character of the value sits on the
    /// scalar's line at consecutive columns (no escapes, no folding), so that a position inside the value can be
    /// pointed at exactly; nil otherwise.
    package var verbatimColumn: Int?

    /// Creates a scalar.
    public init(_ value: String, style: Style = .plain, tag: String? = nil) {
        self.value = value
        self.style = style
        self.tag = tag
        self.verbatimColumn = nil
    }

    /// Scalars are equal when value, style and tag are; where the source happened to place them does not count.
    public static func == (lhs: YAMLScalar, rhs: YAMLScalar) -> Bool {
        lhs.value == rhs.value && lhs.style == rhs.style && lhs.tag == rhs.tag
    }

    /// Hashes value, style and tag, matching `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(value)
        hasher.combine(style)
        hasher.combine(tag)
    }
}

/// One `key: value` pair of a mapping.
public struct YAMLMappingEntry: Sendable, Hashable {
    /// The key node (usually a scalar).
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// Creates an entry.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
