/// Why a payload was not delivered. Descriptions carry the endpoint (without credentials or query), the status
/// and a short body excerpt scrubbed by the sink's ``SecretScrubber`` (a binary body only described); never a
/// header value.
public enum HTTPExportError: Error, Sendable, CustomStringConvertible {
    /// A failure the specification forbids retrying: a status such as 400, 401, 404, 500, or a transport
    /// failure that is not a connection failure.
    case permanentFailure(endpoint: String, attempts: Int, failure: DeliveryFailure)
    /// Retryable failures until the attempts or the deadline ran out.
    case retriesExhausted(endpoint: String, attempts: Int, reason: GiveUpReason, lastFailure: DeliveryFailure)
    /// The body could not be compressed.
    case compressionFailed(Gzip.Failure)

    /// The failure of the last attempt, without headers or body.
    public enum DeliveryFailure: Sendable, Hashable, CustomStringConvertible {
        /// The server answered `status`; `bodyExcerpt` is the start of its body, scrubbed.
        case status(Int, bodyExcerpt: String)
        /// No response arrived.
        case transport(HTTPTransportError)

        public var description: String {
            switch self {
            case .status(let status, let excerpt) where excerpt.isEmpty: "HTTP \(status)"
            case .status(let status, let excerpt): "HTTP \(status): \(excerpt)"
            case .transport(let error): "\(error)"
            }
        }
    }

    /// True when sending the same payload again would fail the same way: a status other than 429, 502, 503 and
    /// 504, a transport failure other than a connection failure or timeout, a body that cannot be compressed. The
    /// exporter then fails the batch at once (``HTTPExportSink/refusalIsFinal(_:)``) instead of keeping it queued.
    public var isPermanent: Bool {
        switch self {
        case .permanentFailure, .compressionFailed: true
        case .retriesExhausted: false
        }
    }

    /// True when the payload may have arrived after all: the last attempt was sent and no answer came within the
    /// timeout. Such items are counted `unconfirmed`, not `failed` (``HTTPExportSink/refusalIsUnconfirmed(_:)``).
    public var isUnconfirmed: Bool {
        guard case .retriesExhausted(_, _, _, .transport(.timedOut(let after, _))) = self else { return false }
        // A zero timeout means no request went out: the deadline had passed.
        return after > .zero
    }

    public var description: String {
        switch self {
        case .permanentFailure(let endpoint, let attempts, let failure):
            "\(endpoint) refused the payload after \(attempts) attempt(s): \(failure)"
        case .retriesExhausted(let endpoint, let attempts, let reason, let lastFailure):
            "\(endpoint) failed after \(attempts) attempt(s), \(reason): last \(lastFailure)"
                + (isUnconfirmed ? " (the last request was sent: the payload may have arrived)" : "")
        case .compressionFailed(let failure):
            "\(failure)"
        }
    }
}
