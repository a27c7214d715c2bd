import ExporterDiagnostics

/// Whether request bodies are compressed.
public enum TransportCompression: String, Sendable, Hashable, CaseIterable {
    /// Sent as is.
    case none
    /// gzip, with `Content-Encoding: gzip`.
    case gzip
}
