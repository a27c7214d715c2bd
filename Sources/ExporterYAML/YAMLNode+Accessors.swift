/// Typed access to a node's value, following the core schema (see `YAMLScalar.resolvedType`).
extension YAMLNode {
    /// The scalar, when the node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = kind { return scalar }
        return nil
    }

    /// The elements, when the node is a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let elements) = kind { return elements }
        return nil
    }

    /// The entries, when the node is a mapping.
    public var mapping: [YAMLMappingEntry]? {
        if case .mapping(let entries) = kind { return entries }
        return nil
    }

    /// The text of a scalar that does not resolve to null (`"8080"`, `8080` and `yes` all give their text).
    public var stringValue: String? {
        guard let scalar, scalar.resolvedType != .null else { return nil }
        return scalar.value
    }

    /// The value of a scalar that resolves to an integer fitting `Int`.
    public var intValue: Int? { scalar?.integer(as: Int.self) }

    /// The value of a scalar that resolves to a float or an integer.
    public var doubleValue: Double? { scalar?.doubleValue }

    /// The value of a scalar that resolves to a bool (`true`/`false` only; `yes`/`no` are strings).
    public var boolValue: Bool? { scalar?.boolValue }

    /// Whether the node is a scalar that resolves to null (`null`, `~`, nothing).
    public var isNull: Bool { scalar?.resolvedType == .null }

    /// The value for the first key whose text is `key`, when the node is a mapping.
    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.scalar?.value == key }?.value
    }

    /// The element at `index`, when the node is a sequence long enough.
    public subscript(index: Int) -> YAMLNode? {
        guard let sequence, sequence.indices.contains(index) else { return nil }
        return sequence[index]
    }
}
