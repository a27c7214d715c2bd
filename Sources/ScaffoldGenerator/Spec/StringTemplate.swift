import ExporterDiagnostics

/// A string option that may interpolate config fields: `"Bearer ${api_key}"` is the literal `Bearer ` followed by
/// the value of the field `api_key`. `$${` writes a literal `${`.
public struct StringTemplate: Sendable, Hashable {
    /// One piece of a template.
    public enum Part: Sendable, Hashable {
        /// Text written as is.
        case literal(String)
        /// The value of the config field with this name.
        case field(String)
    }

    /// The pieces in order; adjacent literals are merged and empty literals dropped.
    public var parts: [Part]
    /// Where the template's scalar is written.
    public var location: SourceLocation

    /// Creates a template; literals are normalised (merged, empties dropped).
    public init(parts: [Part], location: SourceLocation) {
        var normalised: [Part] = []
        for part in parts {
            switch (normalised.last, part) {
            case (_, .literal("")):
                continue
            case (.literal(let previous)?, .literal(let next)):
                normalised[normalised.count - 1] = .literal(previous + next)
            default:
                normalised.append(part)
            }
        }
        self.parts = normalised
        self.location = location
    }

    /// A template of fixed text.
    public init(literal: String, location: SourceLocation) {
        self.init(parts: [.literal(literal)], location: location)
    }

    /// The text when the template references no field.
    public var literalValue: String? {
        switch parts.count {
        case 0: ""
        case 1: if case .literal(let text) = parts[0] { text } else { nil }
        default: nil
        }
    }

    /// The field name when the template is exactly one reference (`${endpoint}`).
    public var singleField: String? {
        if parts.count == 1, case .field(let name) = parts[0] { return name }
        return nil
    }

    /// The names of the referenced fields, in order of appearance (with repeats).
    public var referencedFields: [String] {
        parts.compactMap { if case .field(let name) = $0 { name } else { nil } }
    }
}
