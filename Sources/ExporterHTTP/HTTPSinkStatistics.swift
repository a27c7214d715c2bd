/// What an ``HTTPExportSink`` has done since it was created.
public struct HTTPSinkStatistics: Sendable, Hashable, CustomStringConvertible {
    /// HTTP requests sent (first attempts and retries).
    public var requests = 0
    /// Requests that were retries.
    public var retries = 0
    /// Payloads delivered (partially rejected ones included).
    public var succeeded = 0
    /// Payloads refused with a non-retryable status or transport failure.
    public var failedPermanently = 0
    /// Payloads that ran out of attempts or deadline.
    public var failedAfterRetries = 0
    /// Items the server refused inside successful responses.
    public var rejectedItems = 0
    /// Payloads written to the dead-letter file.
    public var deadLettered = 0

    /// Creates zeroed statistics.
    public init() {}

    public var description: String {
        "requests=\(requests) retries=\(retries) succeeded=\(succeeded) failed_permanently=\(failedPermanently) "
            + "failed_after_retries=\(failedAfterRetries) rejected_items=\(rejectedItems) "
            + "dead_lettered=\(deadLettered)"
    }
}
