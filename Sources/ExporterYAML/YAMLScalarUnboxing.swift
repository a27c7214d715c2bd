import ExporterDiagnostics
import Foundation

/// Scalars to Swift's primitive types, with range checks and precise mismatch messages.
///
/// With `lenient` (``YAMLDecoder/lenientScalars``), a bool also accepts YAML 1.1's and pydantic's spellings
/// (`yes`/`no`, `on`/`off`, `y`/`n`, `t`/`f`, `1`/`0`, in any case and style) and a number also accepts a quoted
/// number (`"5"`), as the toolkit's PyYAML and pydantic do.
enum YAMLScalarUnboxing {
    static func bool(
        from node: YAMLNode,
        codingPath: [any CodingKey],
        lenient: Bool = false
    ) throws(DiagnosticError) -> Bool {
        guard let value = node.boolValue ?? (lenient ? lenientBool(node) : nil) else {
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
        codingPath: [any CodingKey],
        lenient: Bool = false
    )
        throws(DiagnosticError) -> T
    {
        guard let scalar = lenient ? lenientNumber(node) : node.scalar, scalar.resolvedType == .int else {
            throw YAMLDecodingErrors.typeMismatch(expected: "an integer", node: node, codingPath: codingPath)
        }
        guard let value = scalar.integer(as: T.self) else {
            throw DiagnosticError(
                .error(
                    .yamlOutOfRange,
                    "integer \(scalar.value)\(YAMLDecodingErrors.at(codingPath)) does not fit in \(T.self)",
                    at: node.location,
                    hint: "\(T.self) holds \(T.min)...\(T.max)"
                )
            )
        }
        return value
    }

    static func double(
        from node: YAMLNode,
        codingPath: [any CodingKey],
        lenient: Bool = false
    ) throws(DiagnosticError) -> Double {
        guard let value = lenient ? lenientNumber(node)?.doubleValue : node.doubleValue else {
            throw YAMLDecodingErrors.typeMismatch(expected: "a number", node: node, codingPath: codingPath)
        }
        return value
    }

    static func float(
        from node: YAMLNode,
        codingPath: [any CodingKey],
        lenient: Bool = false
    ) throws(DiagnosticError) -> Float {
        let value = try double(from: node, codingPath: codingPath, lenient: lenient)
        let narrowed = Float(value)
        if value.isFinite, !narrowed.isFinite {
            throw DiagnosticError(
                .error(
                    .yamlOutOfRange,
                    "number \(node.scalar?.value ?? "")\(YAMLDecodingErrors.at(codingPath)) does not fit in Float",
                    at: node.location
                )
            )
        }
        return narrowed
    }

    /// The lenient reading of a bool: the spellings PyYAML (YAML 1.1) and pydantic's lax mode accept.
    private static func lenientBool(_ node: YAMLNode) -> Bool? {
        guard let scalar = node.scalar, scalar.resolvedType != .null else { return nil }
        switch scalar.value.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "yes", "on", "y", "t", "1": return true
        case "false", "no", "off", "n", "f", "0": return false
        default: return nil
        }
    }

    /// The scalar typed as if it were written plain, so that `"5"` reads as the integer 5; the scalar itself
    /// when it is not a string.
    private static func lenientNumber(_ node: YAMLNode) -> YAMLScalar? {
        guard let scalar = node.scalar, scalar.resolvedType == .string else { return node.scalar }
        return YAMLScalar(scalar.value.trimmingCharacters(in: .whitespaces))
    }
}
