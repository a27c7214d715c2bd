import ExporterDiagnostics
import ExporterEvents

/// The `TRACE` diagnostics (`DiagnosticCode+Trace.swift`): valid JSON that is not a valid event, and trace files that
/// cannot be read.
///
/// Codecs raise them at line 1, column 1 of the line they decode; ``TraceReader`` moves them to the line's place
/// in the file.
enum TraceIssue {
    static func error(_ code: DiagnosticCode, _ message: String, hint: String? = nil) -> DiagnosticError {
        DiagnosticError(.error(code, message, at: SourceLocation(line: 1, column: 1), hint: hint))
    }

    static func notAnObject(_ value: JSONValue, format: String) -> DiagnosticError {
        // Both format names ("IntermediateStep", "ATOF") start with a vowel sound.
        error(.traceNotAnObject, "an \(format) line must be a JSON object, found \(describe(value))")
    }

    static func missing(_ field: String) -> DiagnosticError {
        error(.traceMissingField, "missing required field '\(field)'")
    }

    static func wrongType(_ field: String, expected: String, found: JSONValue) -> DiagnosticError {
        error(.traceWrongType, "field '\(field)' must be \(expected), found \(describe(found))")
    }

    /// What a value is, for messages: `a string ("abc")`, `a number (12)`, `null`, `an object`.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let bool): return "a boolean (\(bool))"
        case .int(let int): return "a number (\(int))"
        case .double(let double): return "a number (\(double))"
        case .largeInteger(let digits): return "a number (\(digits))"
        case .string(let string):
            let shown = string.count > 40 ? String(string.prefix(40)) + "…" : string
            return "a string (\"\(shown)\")"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

extension JSONObject {
    /// The string member `key`: nil when absent or null, a `TRACE004` error when another type.
    func optionalString(_ key: String, path: String) throws(DiagnosticError) -> String? {
        switch self[key] {
        case nil, .null?: return nil
        case .string(let string)?: return string
        case let other?: throw TraceIssue.wrongType(path, expected: "a string", found: other)
        }
    }

    /// The string member `key`: a `TRACE003` error when absent, `TRACE004` when not a string.
    func requiredString(_ key: String, path: String) throws(DiagnosticError) -> String {
        guard let value = self[key] else { throw TraceIssue.missing(path) }
        guard case .string(let string) = value else {
            throw TraceIssue.wrongType(path, expected: "a string", found: value)
        }
        return string
    }
}
