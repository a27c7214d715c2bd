import ExporterHTTPTesting
import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

/// The OTLP/HTTP fault matrix, against a real server.
@Suite("HTTPExportSink")
struct HTTPExportSinkTests {
    private func makeSink(
        _ server: LoopbackHTTPServer,
        retry: RetryPolicy = TransportFixture.fastRetry,
        requestTimeout: Duration = .seconds(5),
        auth: HTTPAuth = .none,
        compression: HTTPCompression = .none,
        inspector: @escaping @Sendable (HTTPResponse) -> PartialRejection? = { _ in nil },
        logCapture: LogCapture = LogCapture()
    ) throws -> HTTPExportSink {
        HTTPExportSink(
            configuration: .init(
                endpoint: try TransportFixture.endpoint(server),
                headers: ["X-Static": "static-value"],
                auth: auth,
                compression: compression,
                requestTimeout: requestTimeout,
                retry: retry
            ),
            responseInspector: inspector,
            logger: logCapture.logger
        )
    }

    @Test func threeUnavailableThenSuccessDeliversOnceWithFourIdenticalRequests() async throws {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        server.enqueue(.status(503), .status(503), .status(503))
        let sink = try makeSink(server)

        try await sink.export(TransportFixture.payload())

        let requests = server.requests
        #expect(requests.count == 4)
        #expect(Set(requests.map(\.body)).count == 1)
        #expect(requests.first?.body == TransportFixture.payload().body)
        #expect(requests.allSatisfy { $0.method == "POST" && $0.path == "/v1/traces" })
        #expect(requests.first?.headers["content-type"] == "application/json")
        #expect(requests.first?.headers["X-Static"] == "static-value")
        var expected = HTTPSinkStatistics()
        expected.requests = 4
        expected.retries = 3
        expected.succeeded = 1
        #expect(sink.statistics == expected)
    }

    @Test func retryAfterSecondsOn429DelaysTheRetry() async throws {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        server.enqueue(.status(429, headers: ["Retry-After": "1"]))
        let sink = try makeSink(server)

        let clock = ContinuousClock()
        let started = clock.now
        try await sink.export(TransportFixture.payload())
        let elapsed = clock.now - started

        #expect(server.requests.count == 2)
        #expect(elapsed >= .seconds(1))
        // Only a sanity bound: a loaded two-core machine can run the retry's timer seconds late.
        #expect(elapsed < .seconds(10))
        #expect(sink.statistics.retries == 1)
    }

    @Test func badRequestIsNotRetriedAndNamesStatusAndBody() async throws {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        server.enqueue(.status(400, body: "invalid span: trace_id must be 16 bytes"))
        let sink = try makeSink(server)

        let error = await #expect(throws: HTTPExportError.self) {
            try await sink.export(TransportFixture.payload())
        }
        guard case .permanentFailure(_, let attempts, .status(let status, let excerpt))? = error else {
            Issue.record("unexpected error \(String(describing: error))")
            return
        }
        #expect(attempts == 1)
        #expect(status == 400)
        #expect(excerpt == "invalid span: trace_id must be 16 bytes")
        #expect("\(error!)".contains("HTTP 400: invalid span"))
        #expect(server.requests.count == 1)
        #expect(sink.statistics.failedPermanently == 1)
        #expect(sink.statistics.retries == 0)
    }

    @Test(arguments: [401, 404, 413, 500, 501])
    func otherErrorStatusesAreNeverRetried(status: Int) async throws {
        let server = LoopbackHTTPServer(defaultReply: .status(status))
        _ = try await server.start()
        defer { server.stop() }
        let sink = try makeSink(server)

        await #expect(throws: HTTPExportError.self) { try await sink.export(TransportFixture.payload()) }
        #expect(server.requests.count == 1)
        #expect(sink.statistics.failedPermanently == 1)
    }

    @Test func partialRejectionIsCountedLoggedAndNotRetried() async throws {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        server.enqueue(.status(200, body: "rejected=3"))
        let capture = LogCapture()
        let sink = try makeSink(
            server,
            inspector: { response in
                let text = String(decoding: response.body, as: UTF8.self)
                guard text.hasPrefix("rejected="), let count = Int(text.dropFirst(9)) else { return nil }
                return PartialRejection(rejectedItems: count, message: "spans without names")
            },
            logCapture: capture
        )

        try await sink.export(TransportFixture.payload(items: 10))

        #expect(server.requests.count == 1)
        #expect(sink.statistics.succeeded == 1)
        #expect(sink.statistics.rejectedItems == 3)
        let warnings = capture.all.filter { $0.level == .warning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.metadata["rejected_items"] == "3")
        #expect(warnings.first?.metadata["message"] == "spans without names")
    }

    @Test func refusedConnectionIsRetriedThenFailsAfterRetries() async throws {
        let port = try TransportFixture.closedPort()
        let sink = HTTPExportSink(
            configuration: .init(
                endpoint: try #require(URL(string: "http://127.0.0.1:\(port)/v1/traces")),
                retry: RetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(5), deadline: .seconds(5))
            )
        )

        let error = await #expect(throws: HTTPExportError.self) {
            try await sink.export(TransportFixture.payload())
        }
        guard case .retriesExhausted(_, let attempts, let reason, .transport(let transport))? = error else {
            Issue.record("unexpected error \(String(describing: error))")
            return
        }
        #expect(attempts == 3)
        #expect(reason == .attemptsExhausted)
        #expect(transport == .connectionFailed(.refused, endpoint: "http://127.0.0.1:\(port)/v1/traces"))
        #expect(sink.statistics.requests == 3)
        #expect(sink.statistics.failedAfterRetries == 1)
    }

    @Test func stalledServerTimesOutEachAttemptUntilTheDeadline() async throws {
        let server = LoopbackHTTPServer(defaultReply: .stall)
        _ = try await server.start()
        defer { server.stop() }
        let sink = try makeSink(
            server,
            // A deadline of twenty timeouts leaves room for a second attempt even when a loaded machine keeps
            // the timers seconds late.
            retry: RetryPolicy(
                maxAttempts: 40,
                initialBackoff: .milliseconds(10),
                maxBackoff: .milliseconds(20),
                deadline: .seconds(5)
            ),
            requestTimeout: .milliseconds(250)
        )

        let clock = ContinuousClock()
        let started = clock.now
        let error = await #expect(throws: HTTPExportError.self) {
            try await sink.export(TransportFixture.payload())
        }
        let elapsed = clock.now - started

        guard case .retriesExhausted(_, let attempts, _, .transport(.timedOut))? = error else {
            Issue.record("unexpected error \(String(describing: error))")
            return
        }
        #expect(attempts >= 2)
        #expect(server.requests.count == attempts)
        #expect(elapsed < .seconds(12))
        #expect(sink.statistics.failedAfterRetries == 1)
    }

    @Test func closedConnectionCountsAsConnectionFailureAndIsRetried() async throws {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        server.enqueue(.closeConnection)
        let sink = try makeSink(server)

        try await sink.export(TransportFixture.payload())

        #expect(server.requests.count == 2)
        #expect(sink.statistics.retries == 1)
        #expect(sink.statistics.succeeded == 1)
    }

    @Test func gzipBodyInflatesToTheOriginal() async throws {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        let sink = try makeSink(server, compression: .gzip)
        let original = String(repeating: #"{"name":"llm.call","attributes":{"model":"x"}},"#, count: 200)

        try await sink.export(TransportFixture.payload(original))

        let request = try #require(server.requests.first)
        #expect(request.headers["Content-Encoding"] == "gzip")
        #expect(request.body.count < original.utf8.count / 4)
        #expect(try TransportFixture.gunzip(request.body) == Array(original.utf8))
        #expect(try Gzip.decompress(request.body) == Array(original.utf8))
    }

    @Test func exhaustedRetriesWithInjectedClockFollowTheBackoffAndTheDeadline() async throws {
        let server = LoopbackHTTPServer(defaultReply: .status(503))
        _ = try await server.start()
        defer { server.stop() }
        let clock = ManualRetryClock()
        let sink = HTTPExportSink(
            configuration: .init(endpoint: try TransportFixture.endpoint(server), retry: RetryPolicy()),
            environment: clock.environment(unit: 0.25)
        )

        let error = await #expect(throws: HTTPExportError.self) {
            try await sink.export(TransportFixture.payload())
        }

        // Factor 0.8 + 0.4 × 0.25 = 0.9: waits 0.9, 1.8, 3.6 s (6.3 s); the next, 7.2 s, would pass 10 s.
        #expect(clock.sleeps == [.milliseconds(900), .milliseconds(1800), .milliseconds(3600)])
        #expect(server.requests.count == 4)
        guard case .retriesExhausted(_, 4, .deadlineWouldPass(let wait), .status(503, _))? = error else {
            Issue.record("unexpected error \(String(describing: error))")
            return
        }
        #expect(wait == .milliseconds(7200))
    }

    @Test func retryAfterHTTPDateOn503ReplacesTheBackoff() async throws {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        let clock = ManualRetryClock()
        let inTwoSeconds = HTTPDate.format(clock.wallClock.advanced(byNanoseconds: 2_000_000_000))
        server.enqueue(
            .status(503, headers: ["Retry-After": inTwoSeconds]),
            .status(502, headers: ["Retry-After": "7"])
        )
        let sink = HTTPExportSink(
            configuration: .init(endpoint: try TransportFixture.endpoint(server)),
            environment: clock.environment(unit: 0.5)
        )

        try await sink.export(TransportFixture.payload())

        // 503 honours the date; 502 ignores Retry-After and backs off 1 s × 2 × 1.0.
        #expect(clock.sleeps == [.seconds(2), .seconds(2)])
        #expect(server.requests.count == 3)
    }

    @Test func processingExporterCountsTheSinksFailures() async throws {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        server.enqueue(.status(400))
        let sink = try makeSink(server)
        let exporter = ProcessingExporter(
            name: "http",
            pipeline: MapProcessor<AgentEvent, HTTPPayload> { event in
                TransportFixture.payload(event.uuid, items: 1)
            },
            sink: sink
        )
        try await exporter.start()
        for event in TestEvents.marks(count: 2) { exporter.receive(event) }
        let report = await exporter.shutdown(timeout: .seconds(10))

        #expect(report.completed)
        #expect(report.statistics.failed == 1)
        #expect(report.statistics.exported == 1)
        #expect(server.requests.map { String(decoding: $0.body, as: UTF8.self) } == ["event-0", "event-1"])
    }
}
