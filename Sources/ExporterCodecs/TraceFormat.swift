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

/// Splits JSON Lines text: LF or CRLF endings, blank (whitespace-only) lines skipped, 1-based line numbers. A
/// UTF-8 byte order mark at the very start (as some Windows editors save) is skipped rather than made part of
/// line 1, where it would make valid JSON malformed; columns on line 1 are counted after it.
package enum TraceLines {
    /// The UTF-8 encoding of U+FEFF.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Calls `body` with each non-blank line (without its ending) and its line number, until it returns false.
    package static func forEach(in bytes: [UInt8], _ body: (UnsafeBufferPointer<UInt8>, Int) -> Bool) {
        bytes.withUnsafeBufferPointer { buffer in
            var lineStart = buffer.starts(with: byteOrderMark) ? byteOrderMark.count : 0
            var lineNumber = 1
            while lineStart < buffer.count {
                var lineEnd = lineStart
                while lineEnd < buffer.count, buffer[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                var contentEnd = lineEnd
                if contentEnd > lineStart, buffer[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
                let line = UnsafeBufferPointer(rebasing: buffer[lineStart..<contentEnd])
                let isBlank = line.allSatisfy {
                    $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r")
                }
                if !isBlank, !body(line, lineNumber) { return }
                lineStart = lineEnd + 1
                lineNumber += 1
            }
        }
    }
}
