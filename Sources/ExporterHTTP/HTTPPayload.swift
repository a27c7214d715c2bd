/// What an ``HTTPExportSink`` sends: one encoded request body.
import ExporterCore

public struct HTTPPayload: Sendable, Hashable {
    /// The encoded body, uncompressed (the sink compresses it when configured to).
    public var body: [UInt8]
    /// Its media type (`application/x-protobuf`, `application/json`, ...).
    public var contentType: String
    /// How many telemetry items (spans, events) it carries, for counting rejections.
    public var itemCount: Int

    /// Creates a payload.
    public init(body: [UInt8], contentType: String, itemCount: Int) {
        self.body = body
        self.contentType = contentType
        self.itemCount = itemCount
    }
}

/// A success response that says some of the items were refused (OTLP's `partial_success`). Not retried: the
/// server has decided.
public struct PartialRejection: Sendable, Hashable {
    /// How many items the server refused.
    public var rejectedItems: Int
    /// The server's explanation, if any.
    public var message: String

    /// Creates a partial rejection.
    public init(rejectedItems: Int, message: String = "") {
        self.rejectedItems = rejectedItems
        self.message = message
    }
}

/// How an ``HTTPExportSink`` compresses request bodies.
public enum HTTPCompression: String, Sendable, Hashable, CaseIterable, Codable {
    /// Bodies go as they are.
    case none
    /// Bodies are gzipped and sent with `Content-Encoding: gzip`.
    case gzip
}

extension HTTPPayload: ExportItemCounting {
    /// ``itemCount``.
    public var exportItemCount: Int { itemCount }
}
