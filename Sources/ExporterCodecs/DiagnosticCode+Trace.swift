import ExporterDiagnostics

// Trace files (`TraceReader`, the IntermediateStep and ATOF codecs): valid JSON that is not a valid event, and files
// that cannot be read. Lines that are not JSON at all report the `JSON` codes.
extension DiagnosticCode {
    /// Unreadable file: the trace file does not exist or cannot be read.
    public static let traceUnreadableFile = DiagnosticCode("TRACE001")

    /// Not an object: a line is JSON but not an object.
    public static let traceNotAnObject = DiagnosticCode("TRACE002")

    /// Missing field: a required field of the event is absent.
    public static let traceMissingField = DiagnosticCode("TRACE003")

    /// Wrong type: a field of the event has the wrong JSON type.
    public static let traceWrongType = DiagnosticCode("TRACE004")

    /// Unknown event type: an IntermediateStep `event_type` this reader does not know (with a did-you-mean).
    public static let traceUnknownEventType = DiagnosticCode("TRACE005")

    /// Unknown kind: an ATOF `kind` or `scope_category` this reader does not know (with a did-you-mean).
    public static let traceUnknownKind = DiagnosticCode("TRACE006")

    /// Invalid timestamp: a timestamp is malformed or outside the representable range.
    public static let traceInvalidTimestamp = DiagnosticCode("TRACE007")

    /// Unsupported version: an ATOF line's `atof_version` is not the one this reader understands.
    public static let traceUnsupportedVersion = DiagnosticCode("TRACE008")

    /// Unknown format: the first line of a file is neither IntermediateStep nor ATOF, so the format cannot be
    /// detected.
    public static let traceUnknownFormat = DiagnosticCode("TRACE009")

    /// Line too long: a line holds more bytes than the reader's limit (`--max-line-length`, 64 MiB by default)
    /// without ending; reading stops there, since a stream without line endings (`/dev/zero`) never ends.
    public static let traceLineTooLong = DiagnosticCode("TRACE010")
}
