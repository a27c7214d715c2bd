import ExporterDiagnostics

/// The diagnostics the built-in processors throw when their options are invalid.
package enum ProcessorOptionError {
    /// `option` has `value`, which is not in `allowed`.
    package static func outOfRange(
        _ processor: String,
        option: String,
        value: String,
        allowed: String
    ) -> DiagnosticError {
        DiagnosticError(
            .error(.processorOptionOutOfRange, "\(processor): option '\(option)' is \(value), allowed: \(allowed)")
        )
    }

    /// Two options contradict each other.
    package static func inconsistent(_ processor: String, _ message: String, hint: String) -> DiagnosticError {
        DiagnosticError(.error(.processorOptionsConflict, "\(processor): \(message)", hint: hint))
    }

    /// `pattern` is not a valid regular expression.
    package static func invalidPattern(_ processor: String, pattern: String, reason: any Error) -> DiagnosticError {
        DiagnosticError(
            .error(
                .processorInvalidPattern,
                "\(processor): value pattern '\(pattern)' is not a valid regular expression: \(reason)"
            )
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
        DiagnosticError(.error(.processorInvalidKeyPath, "\(processor): key path '\(path)' \(reason)", hint: hint))
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
                .processorUnknownName,
                "\(processor): unknown \(kind) '\(name)'",
                hint: suggestion.map { "\($0) (\(listing))" } ?? listing
            )
        )
    }

    /// A tag key is empty.
    package static func emptyTagKey(_ processor: String, option: String) -> DiagnosticError {
        DiagnosticError(.error(.processorEmptyTagKey, "\(processor): option '\(option)' has an empty tag key"))
    }
}
