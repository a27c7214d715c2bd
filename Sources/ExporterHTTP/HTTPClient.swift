/// Sends HTTP requests; the transport under ``HTTPExportSink``.
///
/// Implementations must be safe to call from many tasks at once and should reuse connections between calls.
public protocol HTTPClient: Sendable {
    /// Sends `request` and returns the response, whatever its status.
    ///
    /// - Parameter timeout: the most the whole exchange may take.
    /// - Throws: ``HTTPTransportError`` when no response arrived; `CancellationError` when the calling task was
    ///   cancelled.
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse
}
