import ExporterDiagnostics

// The generator's own problems (rendering, planning, writing), after the spec itself has validated.
extension DiagnosticCode {
    /// Bad template: a template is missing, does not parse, or does not start with the text content-type pragma.
    public static let generatorBadTemplate = DiagnosticCode("GEN001")

    /// Unsafe path: a generated path would leave the output directory.
    public static let generatorUnsafePath = DiagnosticCode("GEN002")

    /// Refused: a hand-edited generated file (or a file not made by scaffold) is in the way.
    public static let generatorRefused = DiagnosticCode("GEN003")

    /// I/O failure: a file or directory could not be read or written.
    public static let generatorIO = DiagnosticCode("GEN004")

    /// Unsupported: the spec cannot be rendered as asked (for example a transport this generator does not support
    /// yet).
    public static let generatorUnsupported = DiagnosticCode("GEN005")

    /// Unreadable lock: `.scaffold/lock.json` cannot be read.
    public static let generatorUnreadableLock = DiagnosticCode("GEN010")
}
