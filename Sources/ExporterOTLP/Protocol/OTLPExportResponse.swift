/// What an OTLP/HTTP collector said about an accepted export: the `partial_success` of its
/// `ExportTraceServiceResponse`.
///
/// A 200 whose response rejects spans must not be retried (the spec says to log it): resending the same batch would be
/// rejected again.
public struct OTLPExportResponse: Sendable, Hashable {
    /// How many spans of the request the server rejected; 0 when it took them all.
    public var rejectedSpans: Int64
    /// The server's explanation: why spans were rejected, or a warning when none were. Empty when it gave none.
    public var errorMessage: String

    /// Creates a response; the defaults are a full success.
    public init(rejectedSpans: Int64 = 0, errorMessage: String = "") {
        self.rejectedSpans = rejectedSpans
        self.errorMessage = errorMessage
    }

    /// True when the server accepted every span and said nothing more.
    public var isFullSuccess: Bool {
        rejectedSpans == 0 && errorMessage.isEmpty
    }
}
