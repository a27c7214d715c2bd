/// How an OTLP/HTTP body is encoded: the two encodings the OpenTelemetry protocol defines for `/v1/traces`.
public enum OTLPEncoding: String, Sendable, Hashable, CaseIterable {
    /// Binary protobuf, `application/x-protobuf`: the default and the only one some backends accept.
    case protobuf
    /// OTLP/JSON, `application/json`: protobuf's JSON mapping with OTLP's changes (hex ids, integer enums).
    case json

    /// The `Content-Type` header value for a body in this encoding.
    public var contentType: String {
        switch self {
        case .protobuf: "application/x-protobuf"
        case .json: "application/json"
        }
    }

    /// The encoding a `Content-Type` header names, ignoring case and parameters such as `charset`;
    /// nil for any other media type.
    public init?(contentType: some StringProtocol) {
        let mediaType = contentType.prefix { $0 != ";" }.trimmingSpaces().lowercased()
        switch mediaType {
        case "application/x-protobuf": self = .protobuf
        case "application/json": self = .json
        default: return nil
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs, which HTTP allows around header values.
    fileprivate func trimmingSpaces() -> SubSequence {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }),
            let last = lastIndex(where: { !isSpace($0) })
        else { return self[endIndex...] }
        return self[first...last]
    }
}
