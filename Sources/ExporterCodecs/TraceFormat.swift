import ExporterCore
import ExporterDiagnostics
import ExporterEvents

/// The JSON Lines trace formats the runtime reads and writes.
public enum TraceFormat: String, Sendable, Hashable, CaseIterable {
    /// The toolkit's IntermediateStep lines (NAT's `file` exporter); see ``IntermediateStepCodec``.
    case intermediateStep = "intermediate_step"
    /// ATOF v0.1 (NeMo Relay's event stream); see ``ATOFCodec``.
    case atof = "atof"

    /// The format a parsed line is in: an object with `payload` is IntermediateStep, one with `kind` or
    /// `atof_version` is ATOF; nil otherwise.
    public static func detect(_ line: JSONValue) -> TraceFormat? {
        guard case .object(let object) = line else { return nil }
        if object["payload"] != nil { return .intermediateStep }
        if object["kind"] != nil || object["atof_version"] != nil { return .atof }
        return nil
    }

    /// The format of a trace from its first non-blank line, nil when that line is not JSON or names no format.
    public static func detect(firstLineOf bytes: some Collection<UInt8>) -> TraceFormat? {
        var found: TraceFormat?
        TraceLines.forEach(in: Array(bytes)) { line, _ in
            found = (try? JSONParser().parse(line)).flatMap(detect)
            return false
        }
        return found
    }

    /// Decodes one parsed line in this format.
    public func decode(_ line: JSONValue) throws(DiagnosticError) -> AgentEvent {
        switch self {
        case .intermediateStep: try IntermediateStepCodec.decode(line)
        case .atof: try ATOFCodec.decode(line)
        }
    }

    /// Parses and decodes one line in this format.
    public func decode(line: some Collection<UInt8>) throws(DiagnosticError) -> AgentEvent {
        try decode(JSONParser().parse(line))
    }

    /// Appends one event in this format, without the newline.
    public func encode(_ event: AgentEvent, to buffer: inout [UInt8]) {
        switch self {
        case .intermediateStep: IntermediateStepCodec.encode(event, to: &buffer)
        case .atof: ATOFCodec.encode(event, to: &buffer)
        }
    }
}

/// Splits JSON Lines text held in memory, through the same ``LineReader`` that reads traces from files and pipes:
/// LF or CRLF endings, blank lines skipped, 1-based line numbers, a leading UTF-8 byte order mark skipped.
package enum TraceLines {
    /// The UTF-8 encoding of U+FEFF.
    static let byteOrderMark = LineReader.byteOrderMark

    /// Calls `body` with each non-blank line (without its ending) and its line number, until it returns false.
    package static func forEach(in bytes: [UInt8], _ body: (UnsafeBufferPointer<UInt8>, Int) -> Bool) {
        var reader = LineReader(bytes: bytes)
        // In memory nothing can fail to read and no line is too long, so `try?` hides nothing.
        while let more = try? reader.withNextLine(body), more {}
    }
}
