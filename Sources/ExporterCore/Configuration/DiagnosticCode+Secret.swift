import ExporterDiagnostics

// The one `HTTP` code that configuration decoding raises; the dead-letter codes live with the dead-letter file in
// ExporterHTTP.
extension DiagnosticCode {
    /// Empty secret: a `Secret` (an API key, a token) decoded from an empty string.
    public static let httpEmptySecret = DiagnosticCode("HTTP001")
}
