import ExporterRuntime
import Testing

@Suite("RetryPolicy")
struct RetryPolicyTests {
    private let now = Timestamp(nanosecondsSinceEpoch: 1_700_000_000_000_000_000)  // 2023-11-14T22:13:20Z

    private func status(_ code: Int, retryAfter: String? = nil) -> AttemptFailure {
        var headers = HTTPHeaders()
        if let retryAfter { headers.add(name: "retry-after", value: retryAfter) }
        return .status(HTTPResponse(status: code, headers: headers))
    }

    @Test func backoffDoublesWithJitterAndIsCapped() {
        let policy = RetryPolicy(initialBackoff: .seconds(1), maxBackoff: .seconds(30))
        #expect(
            (0..<6).map { policy.backoff(retry: $0, unit: 0.5) } == [1, 2, 4, 8, 16, 30].map { Duration.seconds($0) }
        )
        #expect(policy.backoff(retry: 0, unit: 0) == .milliseconds(800))
        #expect(policy.backoff(retry: 0, unit: 1) == .milliseconds(1200))
        #expect(policy.backoff(retry: 2, unit: 0.75) == .milliseconds(4400))
        #expect(policy.backoff(retry: 500, unit: 0.5) == .seconds(30))
    }

    @Test func onlyTheSpecifiedStatusesAndConnectionFailuresAreRetryable() {
        let retryable = (100...599).filter { RetryPolicy.isRetryable(status: $0) }
        #expect(retryable == [429, 502, 503, 504])
        #expect(AttemptFailure.transport(.connectionFailed(.refused, endpoint: "e")).isRetryable)
        #expect(AttemptFailure.transport(.connectionFailed(.dns, endpoint: "e")).isRetryable)
        #expect(AttemptFailure.transport(.timedOut(after: .seconds(1), endpoint: "e")).isRetryable)
        #expect(!AttemptFailure.transport(.other(reason: "tls", endpoint: "e")).isRetryable)
    }

    @Test func decisionsFollowAttemptsDeadlineAndRetryAfter() {
        let policy = RetryPolicy()
        #expect(
            policy.decide(after: status(400), attempts: 1, elapsed: .zero, now: now, unit: 0.5)
                == .giveUp(.notRetryable)
        )
        #expect(
            policy.decide(after: status(503), attempts: 1, elapsed: .zero, now: now, unit: 0.5)
                == .retry(after: .seconds(1))
        )
        #expect(
            policy.decide(after: status(504), attempts: 3, elapsed: .seconds(1), now: now, unit: 0.5)
                == .retry(after: .seconds(4))
        )
        #expect(
            policy.decide(after: status(503), attempts: 6, elapsed: .seconds(1), now: now, unit: 0.5)
                == .giveUp(.attemptsExhausted)
        )
        #expect(
            policy.decide(after: status(503), attempts: 4, elapsed: .seconds(3), now: now, unit: 0.5)
                == .giveUp(.deadlineWouldPass(wait: .seconds(8)))
        )
        #expect(
            policy.decide(after: status(429, retryAfter: "3"), attempts: 1, elapsed: .zero, now: now, unit: 0.5)
                == .retry(after: .seconds(3))
        )
        // Retry-After replaces the backoff but the deadline still holds: give up now rather than wait in vain.
        #expect(
            policy.decide(after: status(429, retryAfter: "120"), attempts: 1, elapsed: .zero, now: now, unit: 0.5)
                == .giveUp(.deadlineWouldPass(wait: .seconds(120)))
        )
        // Only 429 and 503 carry a meaningful Retry-After; on 502 the backoff applies.
        #expect(
            policy.decide(after: status(502, retryAfter: "3"), attempts: 1, elapsed: .zero, now: now, unit: 0.5)
                == .retry(after: .seconds(1))
        )
        // A malformed Retry-After falls back to the backoff.
        #expect(
            policy.decide(after: status(503, retryAfter: "soon"), attempts: 1, elapsed: .zero, now: now, unit: 0.5)
                == .retry(after: .seconds(1))
        )
    }

    @Test func retryAfterReadsSecondsAndAllThreeHTTPDateForms() {
        #expect(RetryAfter.parse("0", now: now) == .zero)
        #expect(RetryAfter.parse(" 17 ", now: now) == .seconds(17))
        #expect(RetryAfter.parse("-3", now: now) == nil)
        #expect(RetryAfter.parse("1.5", now: now) == nil)
        #expect(RetryAfter.parse("99999999999999999999999", now: now) == .seconds(1 << 40))
        #expect(RetryAfter.parse("Tue, 14 Nov 2023 22:13:25 GMT", now: now) == .seconds(5))
        #expect(RetryAfter.parse("Tuesday, 14-Nov-23 22:13:30 GMT", now: now) == .seconds(10))
        #expect(RetryAfter.parse("Tue Nov 14 22:14:20 2023", now: now) == .seconds(60))
        #expect(RetryAfter.parse("Tue, 14 Nov 2023 22:13:00 GMT", now: now) == .zero)
        #expect(RetryAfter.parse("Tue, 14 Nov 2023 22:13:25 UTC", now: now) == nil)
        #expect(RetryAfter.parse("Tue, 31 Feb 2023 22:13:25 GMT", now: now) == nil)
    }

    @Test func httpDatesFormatAsIMFFixdateAndReadBack() {
        #expect(
            HTTPDate.format(Timestamp(nanosecondsSinceEpoch: 784_111_777_000_000_000))
                == "Sun, 06 Nov 1994 08:49:37 GMT"
        )
        #expect(HTTPDate.format(now) == "Tue, 14 Nov 2023 22:13:20 GMT")
        #expect(
            HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == Timestamp(nanosecondsSinceEpoch: 784_111_777_000_000_000)
        )
        #expect(
            HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT", now: now)
                == Timestamp(nanosecondsSinceEpoch: 784_111_777_000_000_000)
        )
        #expect(HTTPDate.parse("Sun Nov  6 08:49:37 1994") == Timestamp(nanosecondsSinceEpoch: 784_111_777_000_000_000))
    }

    @Test func attemptTimeoutShrinksNearTheDeadline() {
        let policy = RetryPolicy(deadline: .seconds(10))
        #expect(policy.attemptTimeout(requestTimeout: .seconds(3), elapsed: .seconds(2)) == .seconds(3))
        #expect(policy.attemptTimeout(requestTimeout: .seconds(3), elapsed: .seconds(9)) == .seconds(1))
    }
}
