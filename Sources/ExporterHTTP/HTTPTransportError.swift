/// Why a request got no response. Descriptions name the endpoint without credentials or query, and never a
/// header value.
public enum HTTPTransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of connection failure; all are worth a retry.
    public enum ConnectionFailure: String, Sendable, Hashable {
        /// Nothing listens at the address.
        case refused = "connection refused"
        /// The peer closed or reset the connection before answering.
        case reset = "connection reset or lost"
        /// The host name did not resolve.
        case dns = "host name not found"
        /// The network or host is unreachable.
        case unreachable = "host unreachable"
    }

    /// The connection failed (see ``ConnectionFailure``).
    case connectionFailed(ConnectionFailure, endpoint: String)
    /// No complete response within the request timeout.
    case timedOut(after: Duration, endpoint: String)
    /// The request cannot be sent as given (unsupported URL scheme, malformed URL).
    case invalidRequest(reason: String, endpoint: String)
    /// Any other transport failure (TLS, protocol errors, ...); not retried.
    case other(reason: String, endpoint: String)

    /// True for the failures the OTLP specification retries: connection failures and timeouts.
    public var isRetryable: Bool {
        switch self {
        case .connectionFailed, .timedOut: true
        case .invalidRequest, .other: false
        }
    }

    public var description: String {
        switch self {
        case .connectionFailed(let failure, let endpoint): "\(failure.rawValue) (\(endpoint))"
        case .timedOut(let after, let endpoint): "no response within \(after) (\(endpoint))"
        case .invalidRequest(let reason, let endpoint): "invalid request: \(reason) (\(endpoint))"
        case .other(let reason, let endpoint): "transport failure: \(reason) (\(endpoint))"
        }
    }
}
