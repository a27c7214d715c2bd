import ExporterDiagnostics

/// Scalars to Swift's primitive types, with range checks and precise mismatch messages.
enum YAMLScalarUnboxing {
    static func bool(from node: YAMLNode, codingPath: [any CodingKey]) throws(DiagnosticError) -> Bool {
        guard let value = node.boolValue else {
            throw YAMLDecodingErrors.typeMismatch(
                expected: "a boolean (true or false)",
                node: node,
                codingPath: codingPath
            )
        }
        return value
    }

    /// Any scalar but null decodes as its text, so `version: 1.0` can feed a `String` field.
    static func string(from node: YAMLNode, codingPath: [any CodingKey]) throws(DiagnosticError) -> String {
        guard let value = node.stringValue else {
            throw YAMLDecodingErrors.typeMismatch(expected: "a string", node: node, codingPath: codingPath)
        }
        return value
    }

    static func integer<T: FixedWidthInteger>(
        _ type: T.Type,
        from node: YAMLNode,
        codingPath: [any CodingKey]
    )
        throws(DiagnosticError) -> T
    {
        guard let scalar = node.scalar, scalar.resolvedType == .int else {
            throw YAMLDecodingErrors.typeMismatch(expected: "an integer", node: node, codingPath: codingPath)
        }
        guard let value = scalar.integer(as: T.self) else {
            throw DiagnosticError(
                .error(
                    YAMLDiagnosticCode.outOfRange,
                    "integer \(scalar.value)\(YAMLDecodingErrors.at(codingPath)) does not fit in \(T.self)",
                    at: node.location,
                    hint: "\(T.self) holds \(T.min)...\(T.max)"
                )
            )
        }
        return value
    }

    static func double(from node: YAMLNode, codingPath: [any CodingKey]) throws(DiagnosticError) -> Double {
        guard let value = node.doubleValue else {
            throw YAMLDecodingErrors.typeMismatch(expected: "a number", node: node, codingPath: codingPath)
        }
        return value
    }

    static func float(from node: YAMLNode, codingPath: [any CodingKey]) throws(DiagnosticError) -> Float {
        let value = try double(from: node, codingPath: codingPath)
        let narrowed = Float(value)
        if value.isFinite, !narrowed.isFinite {
            throw DiagnosticError(
                .error(
                    YAMLDiagnosticCode.outOfRange,
                    "number \(node.scalar?.value ?? "")\(YAMLDecodingErrors.at(codingPath)) does not fit in Float",
                    at: node.location
                )
            )
        }
        return narrowed
    }
}
