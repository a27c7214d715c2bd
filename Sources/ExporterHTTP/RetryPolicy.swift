/// When and how long to wait before sending a failed request again, as the OTLP/HTTP specification says.
///
/// - Only 429, 502, 503, 504 and connection failures (refused, reset, DNS, unreachable, timeouts) are retried;
///   every other status (400 and all other 4xx/5xx) is final.
/// - Retry number `n` (0 for the first retry) waits `initialBackoff × 2^n × U(0.8, 1.2)`, capped at
///   `maxBackoff`.
/// - On 429 and 503, a valid `Retry-After` (delta-seconds or an HTTP-date, RFC 9110 §10.2.3) replaces the
///   backoff.
/// - At most `maxAttempts` requests in all, and never past `deadline` (counted from the first attempt): when
///   the wait would reach the deadline the sender gives up at once instead of sleeping in vain.
///
/// The defaults follow the OpenTelemetry Python SDK's exporter: 6 attempts, a 10 s deadline, backoff from 1 s;
/// the 30 s cap only matters for policies with a longer deadline.
import ExporterEvents

public struct RetryPolicy: Sendable, Hashable {
    /// Requests in all, the first included (1 disables retries).
    public var maxAttempts: Int
    /// The wait before the first retry, before jitter.
    public var initialBackoff: Duration
    /// The longest wait a backoff may reach (after jitter).
    public var maxBackoff: Duration
    /// The time budget for all attempts and waits of one payload.
    public var deadline: Duration

    /// The jitter factor's range: the wait is scaled by a uniform draw from it.
    public static let jitter: ClosedRange<Double> = 0.8...1.2

    /// Creates a policy; values are clamped to sensible minimums (1 attempt, no negative durations).
    public init(
        maxAttempts: Int = 6,
        initialBackoff: Duration = .seconds(1),
        maxBackoff: Duration = .seconds(30),
        deadline: Duration = .seconds(10)
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = max(.zero, initialBackoff)
        self.maxBackoff = max(.zero, maxBackoff)
        self.deadline = max(.zero, deadline)
    }

    /// A policy that sends once.
    public static let never = RetryPolicy(maxAttempts: 1)

    /// True for the statuses worth another attempt: 429, 502, 503, 504.
    public static func isRetryable(status: Int) -> Bool {
        status == 429 || status == 502 || status == 503 || status == 504
    }

    /// The wait before retry number `retry` (0 for the first retry), given a uniform draw `unit` in [0, 1)
    /// for the jitter.
    public func backoff(retry: Int, unit: Double) -> Duration {
        let factor = Self.jitter.lowerBound + (Self.jitter.upperBound - Self.jitter.lowerBound) * min(max(unit, 0), 1)
        let exponent = Double(min(max(retry, 0), 62))
        let seconds = initialBackoff.secondsAsDouble * Double.pow2(exponent) * factor
        return min(Duration.clampedSeconds(seconds), maxBackoff)
    }

    /// Decides what follows a failed attempt.
    ///
    /// - Parameters:
    ///   - failure: how the attempt failed.
    ///   - attempts: attempts made so far, the failed one included.
    ///   - elapsed: time since the first attempt started.
    ///   - now: the wall-clock time, to resolve a `Retry-After` HTTP-date.
    ///   - unit: a uniform draw in [0, 1) for the jitter.
    public func decide(
        after failure: AttemptFailure,
        attempts: Int,
        elapsed: Duration,
        now: Timestamp,
        unit: Double
    ) -> RetryDecision {
        guard failure.isRetryable else { return .giveUp(.notRetryable) }
        guard attempts < maxAttempts else { return .giveUp(.attemptsExhausted) }
        let wait = failure.retryAfter(now: now) ?? backoff(retry: attempts - 1, unit: unit)
        guard elapsed + wait < deadline else { return .giveUp(.deadlineWouldPass(wait: wait)) }
        return .retry(after: wait)
    }

    /// How long the next attempt may take: the request timeout, or less when the deadline is nearer.
    public func attemptTimeout(requestTimeout: Duration, elapsed: Duration) -> Duration {
        min(requestTimeout, deadline - elapsed)
    }
}

/// How one attempt failed.
public enum AttemptFailure: Sendable, CustomStringConvertible {
    /// The server answered with a status that is not 2xx.
    case status(HTTPResponse)
    /// No response arrived.
    case transport(HTTPTransportError)

    /// True when the specification allows another attempt.
    public var isRetryable: Bool {
        switch self {
        case .status(let response): RetryPolicy.isRetryable(status: response.status)
        case .transport(let error): error.isRetryable
        }
    }

    /// The wait a 429 or 503 asks for in `Retry-After`; nil for other failures and for a missing or malformed
    /// header. A date in the past means no wait.
    public func retryAfter(now: Timestamp) -> Duration? {
        guard case .status(let response) = self, response.status == 429 || response.status == 503,
            let value = response.headers["Retry-After"]
        else { return nil }
        return RetryAfter.parse(value, now: now)
    }

    /// The status or transport failure, without body or headers.
    public var description: String {
        switch self {
        case .status(let response): "HTTP \(response.status)"
        case .transport(let error): "\(error)"
        }
    }
}

/// What follows a failed attempt.
public enum RetryDecision: Sendable, Hashable {
    /// Send again after waiting this long.
    case retry(after: Duration)
    /// Stop; the payload has failed.
    case giveUp(GiveUpReason)
}

/// Why retrying stopped.
public enum GiveUpReason: Sendable, Hashable, CustomStringConvertible {
    /// The failure is final by the specification (400, other 4xx/5xx, a non-connection transport failure).
    case notRetryable
    /// `maxAttempts` requests were made.
    case attemptsExhausted
    /// The next wait (backoff or `Retry-After`) would reach the deadline.
    case deadlineWouldPass(wait: Duration)

    public var description: String {
        switch self {
        case .notRetryable: "not retryable"
        case .attemptsExhausted: "attempts exhausted"
        case .deadlineWouldPass(let wait): "waiting \(wait) more would pass the deadline"
        }
    }
}

/// `Retry-After` values (RFC 9110 §10.2.3).
public enum RetryAfter {
    /// Parses delta-seconds (`120`) or an HTTP-date; a date in the past gives zero; nil when malformed.
    public static func parse(_ value: String, now: Timestamp) -> Duration? {
        let trimmed = value.trimmingASCIIWhitespace()
        if !trimmed.isEmpty, trimmed.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            // More digits than Int64 holds is still a valid, very long wait: longer than any deadline.
            return .seconds(Int64(trimmed).map { min($0, 1 << 40) } ?? 1 << 40)
        }
        guard let date = HTTPDate.parse(String(trimmed), now: now) else { return nil }
        let nanoseconds = date.nanosecondsSinceEpoch - now.nanosecondsSinceEpoch
        return nanoseconds > 0 ? .nanoseconds(nanoseconds) : .zero
    }
}

extension Double {
    fileprivate static func pow2(_ exponent: Double) -> Double {
        Double(sign: .plus, exponent: Int(exponent), significand: 1)
    }
}

extension Duration {
    /// `seconds` as a duration, saturating instead of trapping on huge values.
    static func clampedSeconds(_ seconds: Double) -> Duration {
        guard seconds.isFinite, seconds > 0 else { return .zero }
        let nanoseconds = seconds * 1e9
        return nanoseconds >= Double(Int64.max) ? .nanoseconds(Int64.max) : .nanoseconds(Int64(nanoseconds.rounded()))
    }
}

extension String {
    fileprivate func trimmingASCIIWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return self[first...last]
    }
}
