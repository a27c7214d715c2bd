import ExporterDiagnostics

// Reading dead-letter files back (`DeadLetterReplayer`, `scaffold replay` of a dead-letter file).
extension DiagnosticCode {
    /// Malformed dead-letter line: a line of a dead-letter file is not valid JSON.
    public static let httpDeadLetterMalformedJSON = DiagnosticCode("HTTP002")

    /// Invalid dead-letter record: a line is JSON but not a dead-letter record (a missing or mistyped field, bad
    /// base64, an unknown version).
    public static let httpDeadLetterInvalidRecord = DiagnosticCode("HTTP003")

    /// Unusable dead-letter file: a dead-letter file cannot be read or rewritten.
    public static let httpDeadLetterUnusableFile = DiagnosticCode("HTTP004")
}
