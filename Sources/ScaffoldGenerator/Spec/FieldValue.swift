/// A literal value of a configuration field (a default or a bound), already typed by its field's `FieldType`.
public enum FieldValue: Sendable, Hashable {
    /// Text: the value of a string, url, secret or enum field.
    case string(String)
    /// An integer.
    case int(Int)
    /// A floating-point number (always finite).
    case double(Double)
    /// A boolean.
    case bool(Bool)
    /// A duration in nanoseconds (never negative).
    case duration(nanoseconds: Int64)
    /// The elements of a list field.
    case list([FieldValue])
    /// The entries of a map field.
    case map([String: String])
}
