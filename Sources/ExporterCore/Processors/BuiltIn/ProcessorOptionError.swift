import ExporterDiagnostics

/// The diagnostics the built-in processors throw when their options are invalid.
///
/// Codes are stable:
/// - `PRC001`: an option is outside its allowed range.
/// - `PRC002`: two options contradict each other.
/// - `PRC003`: a regular expression does not compile.
/// - `PRC004`: a key path is malformed or starts at an unknown payload.
/// - `PRC005`: a name (category, redaction attribute) is not one of the known ones.
/// - `PRC006`: a tag key is empty.
package enum ProcessorOptionError {
    /// `option` has `value`, which is not in `allowed`.
    package static func outOfRange(
        _ processor: String,
        option: String,
        value: String,
        allowed: String
    ) -> DiagnosticError {
        DiagnosticError(
            .error("PRC001", "\(processor): option '\(option)' is \(value), allowed: \(allowed)")
        )
    }

    /// Two options contradict each other.
    package static func inconsistent(_ processor: String, _ message: String, hint: String) -> DiagnosticError {
        DiagnosticError(.error("PRC002", "\(processor): \(message)", hint: hint))
    }

    /// `pattern` is not a valid regular expression.
    package static func invalidPattern(_ processor: String, pattern: String, reason: any Error) -> DiagnosticError {
        DiagnosticError(
            .error("PRC003", "\(processor): value pattern '\(pattern)' is not a valid regular expression: \(reason)")
        )
    }

    /// `path` is not a usable key path.
    package static func invalidKeyPath(
        _ processor: String,
        path: String,
        reason: String,
        hint: String? = nil
    )
        -> DiagnosticError
    {
        DiagnosticError(.error("PRC004", "\(processor): key path '\(path)' \(reason)", hint: hint))
    }

    /// `name` is not one of `known`; the hint suggests the closest.
    package static func unknownName(
        _ processor: String,
        kind: String,
        name: String,
        known: [String]
    )
        -> DiagnosticError
    {
        let suggestion = DidYouMean.hint(for: name, among: known)
        let listing = "known: \(known.joined(separator: ", "))"
        return DiagnosticError(
            .error(
                "PRC005",
                "\(processor): unknown \(kind) '\(name)'",
                hint: suggestion.map { "\($0) (\(listing))" } ?? listing
            )
        )
    }

    /// A tag key is empty.
    package static func emptyTagKey(_ processor: String, option: String) -> DiagnosticError {
        DiagnosticError(.error("PRC006", "\(processor): option '\(option)' has an empty tag key"))
    }
}
