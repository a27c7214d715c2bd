import ExporterCore
import Foundation
import Logging
import Synchronization

/// An ``ExportSink`` that POSTs each payload to an HTTP endpoint, with static headers, authentication,
/// optional gzip, and the OTLP retry rules of ``RetryPolicy``.
///
/// Outcomes of ``export(_:)``, by the OTLP/HTTP rules (``RetryPolicy``, ``AttemptFailure/isRetryable``), the same
/// for the `otelcollector` exporter, generated `otel` exporters and the generic `http` transport:
/// - 2xx: delivered. When `responseInspector` finds a ``PartialRejection`` its message is logged once, its items
///   are counted in ``HTTPSinkStatistics/rejectedItems`` and settled on the export's receipt
///   (``ExportReceipt/delivered(rejecting:)``), so the exporter counts them `failed`; they are not retried.
/// - 429, 502, 503, 504, connection refused or reset, timeouts: retried with backoff (and `Retry-After`) until
///   the attempts or the deadline run out, then
///   ``HTTPExportError/retriesExhausted(endpoint:attempts:reason:lastFailure:)``.
/// - any other status or transport failure: ``HTTPExportError/permanentFailure(endpoint:attempts:failure:)`` at
///   once; the refusal is final (``refusalIsFinal(_:)``), so the exporter's batcher never sends the batch again.
/// Every text from the server (bodies, messages) passes through the sink's ``SecretScrubber`` before it is logged,
/// stored or thrown.
/// A payload that fails (or whose export is cancelled) is appended to the ``DeadLetterFile`` if there is one,
/// and the error is still thrown so that the exporter counts the failure.
///
/// Retries and their waits happen inside ``export(_:)``, that is on the exporter's consumer task: the emitting
/// code never waits for the network (the bounded buffer in front absorbs a slow backend).
///
/// Shared by every run of an exporter: one client, one dead-letter handle, statistics for all.
public final class HTTPExportSink: ExportSink {
    public typealias Item = HTTPPayload

    /// Where and how to send.
    public struct Configuration: Sendable {
        /// The URL requests go to.
        public var endpoint: URL
        /// The request method.
        public var method: String
        /// Headers sent with every request (before `Content-Type`, `Content-Encoding` and authentication,
        /// which replace fields of the same name).
        public var headers: HTTPHeaders
        /// How requests authenticate.
        public var auth: HTTPAuth
        /// How bodies are compressed.
        public var compression: HTTPCompression
        /// The most one request may take (less when the retry deadline is nearer).
        public var requestTimeout: Duration
        /// When to send again.
        public var retry: RetryPolicy
        /// Other credentials the sink must never let out (a generated package's `secret` fields): text from the
        /// server is scrubbed of them, as of header values and ``auth`` (``SecretScrubber``).
        public var secrets: [Secret]

        /// Creates a configuration; the defaults are the OTLP exporter's (POST, no compression, 10 s timeout,
        /// ``RetryPolicy`` defaults).
        public init(
            endpoint: URL,
            method: String = "POST",
            headers: HTTPHeaders = HTTPHeaders(),
            auth: HTTPAuth = .none,
            compression: HTTPCompression = .none,
            requestTimeout: Duration = .seconds(10),
            retry: RetryPolicy = RetryPolicy(),
            secrets: [Secret] = []
        ) {
            self.endpoint = endpoint
            self.method = method
            self.headers = headers
            self.auth = auth
            self.compression = compression
            self.requestTimeout = requestTimeout
            self.retry = retry
            self.secrets = secrets
        }
    }

    /// Where and how it sends.
    public let configuration: Configuration
    /// Where failed payloads go, if anywhere.
    public let deadLetter: DeadLetterFile?

    private let client: any HTTPClient
    private let environment: RetryEnvironment
    private let responseInspector: @Sendable (HTTPResponse) -> PartialRejection?
    private let logger: Logger
    private let counters = Mutex(HTTPSinkStatistics())
    private let endpointDescription: String
    /// Scrubs everything from outside before it is logged, stored or thrown.
    public let scrubber: SecretScrubber

    /// Creates a sink.
    ///
    /// - Parameters:
    ///   - client: the transport; by default a ``URLSessionHTTPClient`` of its own.
    ///   - deadLetter: where payloads that finally fail are kept for ``DeadLetterReplayer``.
    ///   - responseInspector: reads a 2xx response for a partial rejection (OTLP's
    ///     `partial_success.rejected_spans`); by default none is looked for.
    ///   - environment: clocks, sleep and randomness of the retry loop.
    public init(
        configuration: Configuration,
        client: any HTTPClient = URLSessionHTTPClient(),
        deadLetter: DeadLetterFile? = nil,
        responseInspector: @escaping @Sendable (HTTPResponse) -> PartialRejection? = { _ in nil },
        environment: RetryEnvironment = .live,
        logger: Logger = Logger(label: "ExporterRuntime.HTTPExportSink")
    ) {
        self.configuration = configuration
        self.client = client
        self.deadLetter = deadLetter
        self.responseInspector = responseInspector
        self.environment = environment
        endpointDescription = configuration.endpoint.redactedDescription
        scrubber = SecretScrubber(configuration: configuration)
        var logger = logger
        logger[metadataKey: "endpoint"] = "\(endpointDescription)"
        self.logger = logger
    }

    /// The counters so far; safe to read at any time.
    public var statistics: HTTPSinkStatistics { counters.withLock { $0 } }

    /// The retried requests so far (``HTTPSinkStatistics/retries``).
    public var retries: Int { counters.withLock { $0.retries } }

    public func export(_ payload: HTTPPayload) async throws {
        _ = try await send(payload)
    }

    /// Settles the receipt with the items the server rejected inside a 2xx answer (a partial success): those are
    /// lost, not retried, and the exporter counts them in `failed`.
    public func export(_ payload: HTTPPayload, receipt: ExportReceipt) async throws {
        receipt.delivered(rejecting: try await send(payload))
    }

    /// Sends `payload`, returning how many of its items the server rejected inside a 2xx answer.
    private func send(_ payload: HTTPPayload) async throws -> Int {
        let prepared: PreparedBody
        do {
            prepared = try prepare(payload)
        } catch {
            counters.withLock { $0.failedPermanently += 1 }
            throw HTTPExportError.compressionFailed(error)
        }
        do {
            return try await deliver(prepared)
        } catch let error as HTTPExportError {
            keepDeadLetter(prepared, reason: error.description)
            throw error
        } catch {
            keepDeadLetter(prepared, reason: "export cancelled before delivery")
            throw error
        }
    }

    public func flush() async throws {
        try deadLetter?.sync()
    }

    /// True with a dead-letter file: a payload it refuses is kept there, so the exporter's batcher does not keep
    /// it for a retry as well.
    public var keepsRefusedItems: Bool { deadLetter != nil }

    /// True with a dead-letter file, and for a permanent failure (``HTTPExportError/isPermanent``: a status other
    /// than 429, 502, 503, 504, a transport failure other than a connection failure or timeout): resending would
    /// fail the same way, so the batch fails at once and the queue moves on.
    public func refusalIsFinal(_ error: any Error) -> Bool {
        keepsRefusedItems || (error as? HTTPExportError)?.isPermanent == true
    }

    /// True when the last attempt was sent and got no answer (``HTTPExportError/isUnconfirmed``): the exporter
    /// counts such items `unconfirmed` if they are not sent again.
    public func refusalIsUnconfirmed(_ error: any Error) -> Bool {
        (error as? HTTPExportError)?.isUnconfirmed == true
    }

    public func close() async {
        deadLetter?.close()
    }

    /// A body ready for the wire: compressed if configured, with the headers that describe it.
    struct PreparedBody: Sendable {
        var body: [UInt8]
        var contentType: String
        var contentEncoding: String?
        var itemCount: Int
    }

    private func prepare(_ payload: HTTPPayload) throws(Gzip.Failure) -> PreparedBody {
        switch configuration.compression {
        case .none:
            return PreparedBody(body: payload.body, contentType: payload.contentType, itemCount: payload.itemCount)
        case .gzip:
            return PreparedBody(
                body: try Gzip.compress(payload.body),
                contentType: payload.contentType,
                contentEncoding: "gzip",
                itemCount: payload.itemCount
            )
        }
    }

    /// Sends `prepared` under the retry policy and counts the outcome; used by ``export(_:)`` and by
    /// ``DeadLetterReplayer`` (which must not dead-letter again).
    ///
    /// - Returns: the items the server rejected inside its 2xx answer.
    /// - Throws: ``HTTPExportError``, or `CancellationError`.
    @discardableResult
    func deliver(_ prepared: PreparedBody) async throws -> Int {
        let request = makeRequest(prepared)
        let policy = configuration.retry
        let start = environment.uptime()
        var attempts = 0
        var lastSentFailure: AttemptFailure?
        while true {
            let elapsed = environment.uptime() - start
            let timeout = policy.attemptTimeout(requestTimeout: configuration.requestTimeout, elapsed: elapsed)
            let failure: AttemptFailure
            if timeout <= .zero {
                // Only reachable when the deadline is zero or a sleep overran it: nothing is sent, and the last
                // attempt that was sent (an unanswered one makes the payload unconfirmed) is what is reported.
                failure = lastSentFailure ?? .transport(.timedOut(after: .zero, endpoint: endpointDescription))
            } else {
                counters.withLock { counters in
                    counters.requests += 1
                    if attempts > 0 { counters.retries += 1 }
                }
                attempts += 1
                do {
                    let response = try await client.send(request, timeout: timeout)
                    if response.isSuccess {
                        return accept(response, itemCount: prepared.itemCount)
                    }
                    failure = .status(response)
                } catch let error as HTTPTransportError {
                    failure = .transport(scrubbed(error))
                } catch {
                    if error is CancellationError || Task.isCancelled { throw CancellationError() }
                    // A client of another kind failed in its own way: no basis for a retry.
                    failure = .transport(.other(reason: "\(type(of: error))", endpoint: endpointDescription))
                }
            }
            lastSentFailure = failure
            let decision = policy.decide(
                after: failure,
                attempts: max(attempts, 1),
                elapsed: environment.uptime() - start,
                now: environment.wallClock(),
                unit: environment.unitRandom()
            )
            switch decision {
            case .retry(let wait):
                logger.debug(
                    "retrying",
                    metadata: ["failure": "\(failure)", "wait": "\(wait)", "attempt": "\(attempts)"]
                )
                try await environment.sleep(wait)
            case .giveUp(let reason):
                throw giveUp(reason, failure: failure, attempts: attempts)
            }
        }
    }

    private func makeRequest(_ prepared: PreparedBody) -> HTTPRequest {
        var request = HTTPRequest(
            method: configuration.method,
            url: configuration.endpoint,
            headers: configuration.headers,
            body: prepared.body
        )
        request.headers.set(name: "Content-Type", value: prepared.contentType)
        if let encoding = prepared.contentEncoding {
            request.headers.set(name: "Content-Encoding", value: encoding)
        }
        configuration.auth.apply(to: &request)
        return request
    }

    /// Counts a 2xx answer and returns how many items it rejected (at most `itemCount`).
    private func accept(_ response: HTTPResponse, itemCount: Int) -> Int {
        let rejection = responseInspector(response)
        let rejected = min(max(0, rejection?.rejectedItems ?? 0), itemCount)
        counters.withLock { counters in
            counters.succeeded += 1
            counters.rejectedItems += rejected
        }
        if let rejection, rejection.rejectedItems > 0 || !rejection.message.isEmpty {
            logger.warning(
                "the server rejected part of the payload",
                metadata: [
                    "rejected_items": "\(rejection.rejectedItems)",
                    "item_count": "\(itemCount)",
                    "message": "\(scrubber.scrub(rejection.message))",
                ]
            )
        }
        return rejected
    }

    private func giveUp(_ reason: GiveUpReason, failure: AttemptFailure, attempts: Int) -> HTTPExportError {
        let deliveryFailure: HTTPExportError.DeliveryFailure =
            switch failure {
            case .status(let response):
                .status(
                    response.status,
                    bodyExcerpt: scrubber.describe(body: response.body, contentType: response.headers["Content-Type"])
                )
            case .transport(let error): .transport(error)
            }
        let error: HTTPExportError
        if reason == .notRetryable {
            counters.withLock { $0.failedPermanently += 1 }
            error = .permanentFailure(endpoint: endpointDescription, attempts: attempts, failure: deliveryFailure)
        } else {
            counters.withLock { $0.failedAfterRetries += 1 }
            error = .retriesExhausted(
                endpoint: endpointDescription,
                attempts: attempts,
                reason: reason,
                lastFailure: deliveryFailure
            )
        }
        logger.error("payload not delivered", metadata: ["error": "\(error)"])
        return error
    }

    private func keepDeadLetter(_ prepared: PreparedBody, reason: String) {
        guard let deadLetter else { return }
        let record = DeadLetterRecord(
            endpoint: endpointDescription,
            contentType: prepared.contentType,
            contentEncoding: prepared.contentEncoding,
            itemCount: prepared.itemCount,
            failedAt: environment.wallClock(),
            reason: reason,
            body: prepared.body
        )
        do {
            try deadLetter.append(record)
            counters.withLock { $0.deadLettered += 1 }
        } catch {
            logger.error(
                "could not write the dead letter; the payload is lost",
                metadata: ["path": "\(deadLetter.path)", "error": "\(error)"]
            )
        }
    }

    /// `error` with any text that came from the client (a reason) scrubbed and bounded.
    private func scrubbed(_ error: HTTPTransportError) -> HTTPTransportError {
        switch error {
        case .invalidRequest(let reason, let endpoint):
            .invalidRequest(reason: scrubber.scrub(reason), endpoint: endpoint)
        case .other(let reason, let endpoint): .other(reason: scrubber.scrub(reason), endpoint: endpoint)
        case .connectionFailed, .timedOut: error
        }
    }
}
