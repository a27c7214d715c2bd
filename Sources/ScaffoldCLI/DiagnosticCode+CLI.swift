import ExporterDiagnostics

// Problems with what was asked on the command line, found by the commands themselves before any spec, configuration
// or trace is read.
extension DiagnosticCode {
    /// Invalid `--field`: `scaffold new --field` is not `name:type[=default]`.
    public static let specInvalidFieldOption = DiagnosticCode("SPEC000")

    /// Not an OTLP exporter: replaying a dead-letter file, `--exporter` names no OTLP exporter of the configuration
    /// (with a did-you-mean).
    public static let cliNotAnOTLPExporter = DiagnosticCode("CLI001")

    /// Ambiguous OTLP exporter: replaying a dead-letter file without `--exporter`, the configuration has no OTLP
    /// exporter, or several.
    public static let cliAmbiguousOTLPExporter = DiagnosticCode("CLI002")

    /// Unreadable input: a file or directory named on the command line (a spec, trace, workflow configuration,
    /// project, templates or runtime directory) is missing, of the wrong kind or not readable; every command says so
    /// in one sentence, `cannot read ROLE 'PATH': REASON`, and exits 2.
    public static let cliUnreadableInput = DiagnosticCode("CLI003")

    /// Empty trace: `scaffold replay` read no events from the trace, so nothing was replayed.
    public static let replayEmptyTrace = DiagnosticCode("REPLAY001")

    /// Flush failed: a flush barrier failed during `scaffold replay`.
    public static let replayFlushFailed = DiagnosticCode("REPLAY002")

    /// Dead letters on a stream: `scaffold replay -` (or a pipe) was given a dead-letter file, which replay must
    /// rewrite in place, so it needs the file's path.
    public static let replayDeadLetterStream = DiagnosticCode("REPLAY003")

    /// Shutdown timeout over a limit: `--shutdown-timeout` asks for a longer shutdown than an exporter's own
    /// `shutdown_timeout` allows, which would cut it short silently.
    public static let replayShutdownTimeoutOverLimit = DiagnosticCode("REPLAY004")
}
