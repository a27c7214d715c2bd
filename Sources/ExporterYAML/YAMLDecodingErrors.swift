import ExporterDiagnostics

/// The wording of decoding diagnostics, in one place so that every message reads the same.
enum YAMLDecodingErrors {
    /// `tracing.otel.batch_size`, `exporters[2].name`; empty for the root.
    static func keyPath(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let key = key as? YAMLCodingKey, key.isIndex {
                text += "[\(key.stringValue)]"
            } else {
                if !text.isEmpty { text += "." }
                text += key.stringValue
            }
        }
        return text
    }

    /// ` at 'path'`, or nothing at the root.
    static func at(_ codingPath: [any CodingKey]) -> String {
        codingPath.isEmpty ? "" : " at '\(keyPath(codingPath))'"
    }

    /// ` in 'path'`, or nothing at the root.
    static func `in`(_ codingPath: [any CodingKey]) -> String {
        codingPath.isEmpty ? "" : " in '\(keyPath(codingPath))'"
    }

    /// What a node is, for "found ..." phrases: `string "fifty"`, `integer 5`, `null`, `a mapping`.
    static func describe(_ node: YAMLNode) -> String {
        switch node.kind {
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        case .scalar(let scalar):
            switch scalar.resolvedType {
            case .null: return "null"
            case .bool: return "boolean \(scalar.value)"
            case .int: return "integer \(scalar.value)"
            case .float: return "float \(scalar.value)"
            case .string:
                let shown = scalar.value.count > 40 ? scalar.value.prefix(40) + "…" : scalar.value[...]
                let escaped = shown.replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "\"", with: "\\\"")
                    .replacingOccurrences(of: "\n", with: "\\n")
                return "string \"\(escaped)\""
            }
        }
    }

    /// The code of the error a keyed container throws for a key that recovery left out; never shown to users.
    static let withheldKeyCode = DiagnosticCode("YAML-withheld")

    static func unknownKey(
        _ key: String,
        at location: SourceLocation,
        codingPath: [any CodingKey],
        among candidates: [String]
    ) -> Diagnostic {
        .error(
            .yamlUnknownKey,
            "unknown key '\(key)'\(`in`(codingPath))",
            at: location,
            hint: DidYouMean.hint(for: key, among: candidates)
        )
    }

    static func typeMismatch(expected: String, node: YAMLNode, codingPath: [any CodingKey]) -> DiagnosticError {
        DiagnosticError(
            .error(
                .yamlTypeMismatch,
                "expected \(expected)\(at(codingPath)), found \(describe(node))",
                at: node.location
            )
        )
    }

    /// A non-diagnostic error thrown by a type's `init(from:)`, as a diagnostic at the node it concerns.
    static func converting<T>(_ error: any Error, decoding type: T.Type, decoder: YAMLNodeDecoder) -> DiagnosticError {
        guard let decodingError = error as? DecodingError else {
            return DiagnosticError(
                .error(
                    .yamlInvalidValue,
                    "invalid value\(at(decoder.codingPath)): \(error)",
                    at: decoder.node.location
                )
            )
        }
        let code: DiagnosticCode
        let context: DecodingError.Context
        switch decodingError {
        case .typeMismatch(_, let errorContext), .valueNotFound(_, let errorContext):
            code = DiagnosticCode.yamlTypeMismatch
            context = errorContext
        case .keyNotFound(_, let errorContext):
            code = DiagnosticCode.yamlMissingKey
            context = errorContext
        case .dataCorrupted(let errorContext):
            code = DiagnosticCode.yamlInvalidValue
            context = errorContext
        @unknown default:
            return DiagnosticError(
                .error(
                    .yamlInvalidValue,
                    "invalid value\(at(decoder.codingPath)): \(error)",
                    at: decoder.node.location
                )
            )
        }
        let node = descendant(of: decoder.node, following: context.codingPath.dropFirst(decoder.codingPath.count))
        if code == .yamlInvalidValue,
            let allowed = caseNames(of: type, depth: context.codingPath.count - decoder.codingPath.count),
            let written = node.scalar?.value
        {
            let suggestion = DidYouMean.suggestion(for: written, among: allowed).map { "did you mean '\($0)'? " } ?? ""
            return DiagnosticError(
                .error(
                    code,
                    "invalid value '\(written)'\(at(context.codingPath))",
                    at: node.location,
                    hint: suggestion + "expected one of: " + allowed.joined(separator: ", ")
                )
            )
        }
        return DiagnosticError(
            .error(code, "invalid value\(at(context.codingPath)): \(context.debugDescription)", at: node.location)
        )
    }

    /// The node a coding path leads to from `node`, or the deepest node reachable along it.
    private static func descendant(of node: YAMLNode, following path: some Collection<any CodingKey>) -> YAMLNode {
        var current = node
        for key in path {
            if let entries = current.mapping,
                let entry = entries.first(where: { $0.key.scalar?.value == key.stringValue })
            {
                current = entry.value
            } else if let elements = current.sequence, let index = key.intValue, elements.indices.contains(index) {
                current = elements[index]
            } else {
                break
            }
        }
        return current
    }

    /// The spellings of the enumeration's cases that failed `depth` levels below `type`, for "expected one of"
    /// hints: `type` itself, or the element of a list or set of them (`conventions: [genia]`).
    private static func caseNames<T>(of type: T.Type, depth: Int) -> [String]? {
        switch depth {
        case 0: caseNames(of: type)
        case 1: (type as? any YAMLEnumerationList.Type)?.elementCaseNames
        default: nil
        }
    }

    /// The spellings of an enumeration's cases.
    fileprivate static func caseNames<T>(of type: T.Type) -> [String]? {
        guard let caseIterable = type as? any CaseIterable.Type else { return nil }
        return names(of: caseIterable)
    }

    private static func names<C: CaseIterable>(of type: C.Type) -> [String] {
        C.allCases.map { value in (value as? any RawRepresentable).map { "\($0.rawValue)" } ?? "\(value)" }
    }
}

/// A list whose elements may be an enumeration, so that a bad element's diagnostic can name the allowed values.
private protocol YAMLEnumerationList {
    static var elementCaseNames: [String]? { get }
}

extension Array: YAMLEnumerationList {
    fileprivate static var elementCaseNames: [String]? { YAMLDecodingErrors.caseNames(of: Element.self) }
}

extension Set: YAMLEnumerationList {
    fileprivate static var elementCaseNames: [String]? { YAMLDecodingErrors.caseNames(of: Element.self) }
}
