/// A value with a JSON form: what a scope's body may return (or set) as the scope's output.
public protocol JSONRepresentable {
    /// The value as JSON.
    var jsonValue: JSONValue { get }
}

extension JSONValue: JSONRepresentable {
    /// The value itself.
    public var jsonValue: JSONValue { self }
}

extension JSONObject: JSONRepresentable {
    /// The object as a JSON value.
    public var jsonValue: JSONValue { .object(self) }
}

extension String: JSONRepresentable {
    /// The string as a JSON string.
    public var jsonValue: JSONValue { .string(self) }
}

extension Bool: JSONRepresentable {
    /// The boolean as a JSON boolean.
    public var jsonValue: JSONValue { .bool(self) }
}

extension Int: JSONRepresentable {
    /// The integer as a JSON integer.
    public var jsonValue: JSONValue { .int(Int64(self)) }
}

extension Double: JSONRepresentable {
    /// The number as a JSON double.
    public var jsonValue: JSONValue { .double(self) }
}

extension Array: JSONRepresentable where Element: JSONRepresentable {
    /// The elements as a JSON array.
    public var jsonValue: JSONValue { .array(map(\.jsonValue)) }
}
