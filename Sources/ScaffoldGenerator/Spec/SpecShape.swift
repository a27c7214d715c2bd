/// The shape of a spec value: one description that both the parser (for its unknown-key and missing-key checks) and
/// the JSON Schema writer read, so the two cannot drift apart.
///
/// Of the four descriptions of the format, this one says what kind of value a key holds; which keys a mapping has
/// is ``SpecGrammar``'s, how a single name or version is spelt ``SpecSyntax``'s, and the words a `choice` offers come
/// from ``SpecCatalog``.
package indirect enum SpecShape: Sendable {
    /// Any text.
    case string
    /// A whole number.
    case integer
    /// A number.
    case number
    /// `true` or `false`.
    case boolean
    /// `5s`, `250ms`, or a number of seconds.
    case duration
    /// One of fixed words.
    case choice([String])
    /// Text that may contain `${field}` references.
    case template
    /// Any YAML value (a field default, checked against the field's type).
    case any
    /// A list of values of one shape.
    case list(SpecShape)
    /// A mapping from text to values of one shape.
    case map(SpecShape)
    /// A mapping with known keys.
    case mapping(SpecMapping)
    /// A mapping selected by its `kind` key.
    case kinds([SpecMapping])
    /// A value that may also be a whole `${field}` reference.
    case referable(SpecShape)
    /// A value that may be written in either shape.
    case either(SpecShape, SpecShape)
}

/// A mapping with a fixed set of keys.
package struct SpecMapping: Sendable {
    /// What the mapping is, for messages (`field`, `processor 'batch'`).
    package var title: String
    /// For a mapping chosen by `kind`, the kind's name.
    package var kind: String?
    /// The keys, in documentation order (`kind` excluded: it is implied by `kind`).
    package var keys: [SpecKey]

    /// Creates a mapping.
    package init(_ title: String, kind: String? = nil, keys: [SpecKey]) {
        self.title = title
        self.kind = kind
        self.keys = keys
    }

    /// The names the mapping accepts, `kind` included for kinded mappings.
    package var keyNames: [String] {
        (kind == nil ? [] : ["kind"]) + keys.map(\.name)
    }

    /// The keys that must be present.
    package var requiredKeys: [String] {
        keys.filter(\.required).map(\.name)
    }
}

/// One key of a mapping.
package struct SpecKey: Sendable {
    /// The key as written.
    package var name: String
    /// The value's shape.
    package var shape: SpecShape
    /// Whether the key must be present.
    package var required: Bool
    /// One line for the JSON Schema's `description`.
    package var summary: String

    /// Creates a key.
    package init(_ name: String, _ shape: SpecShape, required: Bool = false, _ summary: String) {
        self.name = name
        self.shape = shape
        self.required = required
        self.summary = summary
    }
}
