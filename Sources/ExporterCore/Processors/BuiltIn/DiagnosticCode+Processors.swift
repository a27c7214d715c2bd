import ExporterDiagnostics

// The options of the built-in processors, checked when a processor is built from a spec or a configuration.
extension DiagnosticCode {
    /// Option out of range: an option's value is outside its allowed range or words.
    public static let processorOptionOutOfRange = DiagnosticCode("PRC001")

    /// Options in conflict: two options of one processor contradict each other.
    public static let processorOptionsConflict = DiagnosticCode("PRC002")

    /// Invalid pattern: a regular expression does not compile.
    public static let processorInvalidPattern = DiagnosticCode("PRC003")

    /// Invalid key path: a key path is malformed or starts at an unknown payload.
    public static let processorInvalidKeyPath = DiagnosticCode("PRC004")

    /// Unknown name: a name (a category, a redaction attribute) is not one of the known ones (with a did-you-mean).
    public static let processorUnknownName = DiagnosticCode("PRC005")

    /// Empty tag key: a tag, or an environment tag, has an empty key.
    public static let processorEmptyTagKey = DiagnosticCode("PRC006")
}
