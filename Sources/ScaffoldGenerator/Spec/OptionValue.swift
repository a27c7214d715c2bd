/// A processor or transport option: a literal written in the spec, or a `${field}` reference to a config field
/// whose value is read at run time.
public enum OptionValue<Value: Sendable & Hashable>: Sendable, Hashable {
    /// A value written in the spec.
    case literal(Value)
    /// The value of the config field with this (snake_case) name; its type was checked to be compatible.
    case field(String)

    /// The literal, when the option is not a reference.
    public var literal: Value? {
        if case .literal(let value) = self { return value }
        return nil
    }

    /// The referenced field's name, when the option is a reference.
    public var fieldName: String? {
        if case .field(let name) = self { return name }
        return nil
    }
}
