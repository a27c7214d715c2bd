import ExporterCore
import ExporterDiagnostics
import ExporterEvents
import Foundation

/// One payload that could not be delivered, as one JSON line of a dead-letter file:
///
/// `{"dead_letter_version":1,"endpoint":…,"content_type":…,"content_encoding":…,"item_count":N,`
/// `"failed_at":"RFC 3339","reason":…,"body_base64":…}`
///
/// It never holds headers or credentials; the body is kept exactly as it was sent (compressed when
/// `content_encoding` says so).
public struct DeadLetterRecord: Sendable, Hashable {
    /// The format version this code writes and reads.
    public static let version = 1

    /// Where the payload was going (no credentials, no query).
    public var endpoint: String
    /// The body's media type.
    public var contentType: String
    /// The body's encoding (`gzip`), or nil for none.
    public var contentEncoding: String?
    /// How many telemetry items the body carries.
    public var itemCount: Int
    /// When the payload was given up.
    public var failedAt: Timestamp
    /// Why (the error's description).
    public var reason: String
    /// The body as sent.
    public var body: [UInt8]

    /// Creates a record.
    public init(
        endpoint: String,
        contentType: String,
        contentEncoding: String?,
        itemCount: Int,
        failedAt: Timestamp,
        reason: String,
        body: [UInt8]
    ) {
        self.endpoint = endpoint
        self.contentType = contentType
        self.contentEncoding = contentEncoding
        self.itemCount = itemCount
        self.failedAt = failedAt
        self.reason = reason
        self.body = body
    }

    /// The record as one JSON line, newline included.
    public var jsonLine: [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(body.count * 4 / 3 + 256)
        line.append(UInt8(ascii: "{"))
        JSONWriter.writeKey("dead_letter_version", to: &line)
        JSONWriter.writeInt(Self.version, to: &line)
        line.append(UInt8(ascii: ","))
        JSONWriter.writeKey("endpoint", to: &line)
        JSONWriter.writeString(endpoint, to: &line)
        line.append(UInt8(ascii: ","))
        JSONWriter.writeKey("content_type", to: &line)
        JSONWriter.writeString(contentType, to: &line)
        line.append(UInt8(ascii: ","))
        JSONWriter.writeKey("content_encoding", to: &line)
        JSONWriter.writeString(contentEncoding, to: &line)
        line.append(UInt8(ascii: ","))
        JSONWriter.writeKey("item_count", to: &line)
        JSONWriter.writeInt(itemCount, to: &line)
        line.append(UInt8(ascii: ","))
        JSONWriter.writeKey("failed_at", to: &line)
        JSONWriter.writeString(RFC3339.format(failedAt), to: &line)
        line.append(UInt8(ascii: ","))
        JSONWriter.writeKey("reason", to: &line)
        JSONWriter.writeString(reason, to: &line)
        line.append(UInt8(ascii: ","))
        JSONWriter.writeKey("body_base64", to: &line)
        JSONWriter.writeString(Data(body).base64EncodedString(), to: &line)
        line.append(UInt8(ascii: "}"))
        line.append(UInt8(ascii: "\n"))
        return line
    }

    /// Reads one line (without its newline).
    ///
    /// - Throws: ``DiagnosticError`` with `HTTP002` (not JSON; at the JSON error's column) or `HTTP003` (not a
    ///   record of a known version), located on line 1 of `line`; callers relocate it.
    public init(parsing line: some Collection<UInt8>) throws(DiagnosticError) {
        let value: JSONValue
        do throws(DiagnosticError) {
            value = try JSONParser().parse(line)
        } catch {
            throw DiagnosticError(
                error.diagnostics.map { diagnostic in
                    .error(
                        .httpDeadLetterMalformedJSON,
                        "not a JSON line: \(diagnostic.message)",
                        at: diagnostic.location
                    )
                }
            )
        }
        func invalid(_ message: String) -> DiagnosticError {
            DiagnosticError(
                .error(
                    .httpDeadLetterInvalidRecord,
                    message,
                    at: SourceLocation(line: 1, column: 1)
                )
            )
        }
        guard let object = value.objectValue else { throw invalid("a dead-letter line must be a JSON object") }
        func string(_ key: String) throws(DiagnosticError) -> String {
            guard let text = object[key]?.stringValue else { throw invalid("`\(key)` must be a string") }
            return text
        }
        guard let version = object["dead_letter_version"]?.intValue else {
            throw invalid("`dead_letter_version` is missing or not an integer")
        }
        guard version == Self.version else {
            throw invalid("dead_letter_version \(version) is not supported (this build reads \(Self.version))")
        }
        endpoint = try string("endpoint")
        contentType = try string("content_type")
        switch object["content_encoding"] {
        case nil, .null?: contentEncoding = nil
        case .string(let encoding)?: contentEncoding = encoding
        default: throw invalid("`content_encoding` must be a string or null")
        }
        guard let count = object["item_count"]?.intValue, count >= 0, let itemCount = Int(exactly: count) else {
            throw invalid("`item_count` must be a non-negative integer")
        }
        self.itemCount = itemCount
        let failedAtText = try string("failed_at")
        guard let failedAt = RFC3339.parse(failedAtText) else {
            throw invalid("`failed_at` is not an RFC 3339 timestamp: \(failedAtText)")
        }
        self.failedAt = failedAt
        reason = try string("reason")
        guard let body = Data(base64Encoded: try string("body_base64")) else {
            throw invalid("`body_base64` is not valid base64")
        }
        self.body = [UInt8](body)
    }
}
