import ExporterHTTPTesting
import ExporterOTLP
import ExporterRuntime
import Foundation
import Testing

/// The fault matrix of the HTTP transports, against a real loopback server: for each answer, how many requests
/// were resends and how many of the 8 spans were exported, failed or dropped, exactly, for the `otelcollector`
/// exporter (protobuf and JSON) and a generic `http` exporter; and in every case the shutdown accounting identity.
///
/// Retries use millisecond backoff, 3 attempts and a 1 s request timeout (``FaultHarness``).
@Suite("Fault injection: OTLP/HTTP answers, resets, stalls and slow bodies")
struct FaultInjectionTests {
    static let statuses = [400, 401, 403, 404, 413, 429, 500, 502, 503, 504]

    static func isRetryable(_ status: Int) -> Bool { [429, 502, 503, 504].contains(status) }

    @Test("a status answered every time: retried only when 429/502/503/504, then the batch fails")
    func statusEveryTime() async throws {
        // One test over the whole matrix, so that the suite's servers run one after another.
        for transport in FaultTransport.allCases {
            for status in Self.statuses {
                for deadLetter in [false, true] {
                    let server = LoopbackHTTPServer(defaultReply: .status(status, body: "no: \(status)"))
                    _ = try await server.start()
                    defer { server.stop() }
                    let outcome = try await FaultHarness.run(transport, server: server, deadLetter: deadLetter)
                    let attempts = Self.isRetryable(status) ? 3 : 1
                    let label = "\(transport) \(status) dead_letter=\(deadLetter)"
                    #expect(outcome.requests.count == attempts, "\(label)")
                    #expect(outcome.resends == attempts - 1, "\(label)")
                    #expect(outcome.statistics.exported == 0, "\(label)")
                    #expect(outcome.statistics.failed == 8, "\(label)")
                    #expect(outcome.statistics.unconfirmed == 0, "\(label)")
                    #expect(outcome.statistics.dropped == 0, "\(label)")
                    #expect(outcome.report.abandonedItems == 0, "\(label)")
                    #expect(outcome.accountingHolds, "\(label)")
                    #expect(outcome.sink.failedPermanently == (Self.isRetryable(status) ? 0 : 1), "\(label)")
                    #expect(outcome.sink.failedAfterRetries == (Self.isRetryable(status) ? 1 : 0), "\(label)")
                    #expect(outcome.deadLetters.map(\.itemCount) == (deadLetter ? [8] : []), "\(label)")
                    #expect(outcome.deadLetters.allSatisfy { $0.reason.contains("HTTP \(status): no: \(status)") })
                }
            }
        }
    }

    @Test("a 400 fails each batch once and the queue moves on", arguments: FaultTransport.allCases)
    func badRequestDoesNotBlockTheQueue(transport: FaultTransport) async throws {
        let server = LoopbackHTTPServer(defaultReply: .status(400))
        _ = try await server.start()
        defer { server.stop() }
        let outcome = try await FaultHarness.run(transport, server: server, batchSize: 3)

        // Batches of 3, 3 and 2 spans, each sent once.
        #expect(outcome.requests.count == 3)
        #expect(outcome.resends == 0)
        #expect(outcome.statistics.failed == 8)
        #expect(outcome.statistics.exported == 0)
        #expect(outcome.statistics.dropped == 0)
        #expect(outcome.accountingHolds)
    }

    @Test("a retryable status twice, then 200: two resends, everything exported")
    func retryableThenSuccess() async throws {
        for transport in FaultTransport.allCases {
            for status in [429, 502, 503, 504] {
                let server = LoopbackHTTPServer()
                _ = try await server.start()
                defer { server.stop() }
                server.enqueue(.status(status), .status(status))
                let outcome = try await FaultHarness.run(transport, server: server)
                let label = "\(transport) \(status)"
                #expect(outcome.requests.count == 3, "\(label)")
                #expect(outcome.resends == 2, "\(label)")
                #expect(outcome.statistics.exported == 8, "\(label)")
                #expect(outcome.statistics.failed == 0, "\(label)")
                #expect(outcome.accountingHolds, "\(label)")
                #expect(Set(outcome.requests.map(\.body)).count == 1, "\(label): a resend is the same payload")
            }
        }
    }

    @Test("a partial success: rejected spans fail, the rest are exported, the message is logged once, scrubbed")
    func partialSuccess() async throws {
        for transport in FaultTransport.allCases {
            for json in [false, true] {
                let server = LoopbackHTTPServer()
                _ = try await server.start()
                defer { server.stop() }
                server.enqueue(
                    .otlpPartialSuccess(
                        rejectedSpans: 3,
                        errorMessage: "3 spans without a name (request had x-api-key: \(FaultHarness.apiKey))",
                        json: json
                    )
                )
                let outcome = try await FaultHarness.run(transport, server: server)
                let label = "\(transport) json response=\(json)"
                #expect(outcome.requests.count == 1, "\(label)")
                #expect(outcome.resends == 0, "\(label)")
                #expect(outcome.accountingHolds, "\(label)")
                if transport == .http {
                    // A generic http transport does not read OTLP response bodies: a 2xx delivers everything.
                    #expect(outcome.statistics.exported == 8, "\(label)")
                    #expect(outcome.statistics.failed == 0, "\(label)")
                    continue
                }
                #expect(outcome.statistics.exported == 5, "\(label)")
                #expect(outcome.statistics.failed == 3, "\(label)")
                #expect(outcome.sink.rejectedItems == 3, "\(label)")
                let warnings = outcome.logs.filter { $0.message.contains("rejected part") }
                #expect(warnings.count == 1, "\(label)")
                #expect(warnings.first?.metadata["message"] == "3 spans without a name (request had x-api-key: ***)")
                #expect(!outcome.everythingPrinted.contains(FaultHarness.apiKey), "\(label)")
            }
        }
    }

    @Test("a connection reset in the middle of the body is retried", arguments: FaultTransport.allCases)
    func resetMidBody(transport: FaultTransport) async throws {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        server.enqueue(.resetMidBody(status: 200, body: Array(repeating: UInt8(ascii: "x"), count: 200), sentBytes: 20))
        let outcome = try await FaultHarness.run(transport, server: server)

        #expect(outcome.requests.count == 2)
        #expect(outcome.resends == 1)
        #expect(outcome.statistics.exported == 8)
        #expect(outcome.statistics.failed == 0)
        #expect(outcome.accountingHolds)
    }

    @Test(
        "a server that never answers: each attempt times out and is retried; the items end unconfirmed",
        arguments: FaultTransport.allCases,
        [false, true]
    )
    func neverAnswering(transport: FaultTransport, deadLetter: Bool) async throws {
        let server = LoopbackHTTPServer(defaultReply: .stall)
        _ = try await server.start()
        defer { server.stop() }
        let outcome = try await FaultHarness.run(transport, server: server, deadLetter: deadLetter)

        #expect(outcome.requests.count == 3)
        #expect(outcome.resends == 2)
        #expect(outcome.statistics.exported == 0)
        // The last request went out and was never answered: neither known delivered nor known lost.
        #expect(outcome.statistics.failed == 0)
        #expect(outcome.statistics.unconfirmed == 8)
        #expect(outcome.deadLetters.map(\.itemCount) == (deadLetter ? [8] : []))
        #expect(outcome.accountingHolds)
        #expect(outcome.everythingPrinted.contains("no response within"))
        #expect(outcome.everythingPrinted.contains("may have arrived"))
    }

    @Test("one stalled answer, then 200: one resend, everything exported", arguments: FaultTransport.allCases)
    func stallThenSuccess(transport: FaultTransport) async throws {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        server.enqueue(.stall)
        let outcome = try await FaultHarness.run(transport, server: server)

        #expect(outcome.requests.count == 2)
        #expect(outcome.resends == 1)
        #expect(outcome.statistics.exported == 8)
        #expect(outcome.accountingHolds)
    }

    @Test(
        "a body slower than the timeout is a timeout; a slow body within it is fine",
        arguments: FaultTransport.allCases
    )
    func slowBody(transport: FaultTransport) async throws {
        let body = Array("{}".utf8) + Array(repeating: UInt8(ascii: " "), count: 38)
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        // 10 pieces 250 ms apart: 2.5 s, past the 1 s timeout. Then 4 pieces 20 ms apart: 80 ms.
        server.enqueue(
            .slowBody(
                status: 200,
                headers: ["Content-Type": "application/json"],
                body: body,
                chunkSize: 4,
                interval: .milliseconds(250)
            ),
            .slowBody(
                status: 200,
                headers: ["Content-Type": "application/json"],
                body: body,
                chunkSize: 10,
                interval: .milliseconds(20)
            )
        )
        let outcome = try await FaultHarness.run(transport, server: server)

        #expect(outcome.requests.count == 2)
        #expect(outcome.resends == 1)
        #expect(outcome.statistics.exported == 8)
        #expect(outcome.statistics.failed == 0)
        #expect(outcome.accountingHolds)
    }

    @Test("a refused connection is retried, then the batch fails", arguments: FaultTransport.allCases)
    func connectionRefused(transport: FaultTransport) async throws {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        server.stop()
        let outcome = try await FaultHarness.run(transport, server: server, deadLetter: true)

        #expect(outcome.sink.requests == 3)
        #expect(outcome.resends == 2)
        #expect(outcome.statistics.failed == 8)
        #expect(outcome.statistics.unconfirmed == 0)
        #expect(outcome.deadLetters.map(\.itemCount) == [8])
        #expect(outcome.accountingHolds)
    }

    @Test("a server echoing the request headers: no credential reaches the log or the dead letter")
    func echoedCredentialsAreScrubbed() async throws {
        for transport in FaultTransport.allCases {
            let server = LoopbackHTTPServer(defaultReply: .echoHeaders(status: 401))
            _ = try await server.start()
            defer { server.stop() }
            let outcome = try await FaultHarness.run(transport, server: server, deadLetter: true)

            #expect(outcome.requests.count == 1)
            #expect(outcome.statistics.failed == 8)
            #expect(outcome.accountingHolds)
            let printed = outcome.everythingPrinted
            let reason = try #require(outcome.deadLetters.first?.reason)
            #expect(reason.contains("HTTP 401"), "\(transport)")
            #expect(reason.contains("***"), "\(transport)")
            for secret in [FaultHarness.apiKey, FaultHarness.bearerToken] {
                #expect(!printed.contains(secret), "\(transport)")
                #expect(!printed.contains(Data(secret.utf8).base64EncodedString()), "\(transport)")
            }
            #expect(reason.count < 700, "\(transport): bounded")
        }
    }

    @Test("a binary error body is described, never printed", arguments: FaultTransport.allCases)
    func binaryBodyIsDescribed(transport: FaultTransport) async throws {
        let body: [UInt8] = [0x0A, 0x00, 0xFF, 0x12] + Array(repeating: 0x01, count: 408)
        let server = LoopbackHTTPServer(
            defaultReply: .response(status: 400, headers: ["Content-Type": "application/x-protobuf"], body: body)
        )
        _ = try await server.start()
        defer { server.stop() }
        let outcome = try await FaultHarness.run(transport, server: server, deadLetter: true)

        #expect(outcome.statistics.failed == 8)
        #expect(outcome.deadLetters.first?.reason.hasSuffix("HTTP 400: 412 bytes of application/x-protobuf") == true)
        #expect(outcome.accountingHolds)
    }
}

@Suite("Fault injection: the loopback server's fault replies")
struct FaultRepliesTests {
    private func body(of reply: LoopbackHTTPServer.Reply) throws -> [UInt8] {
        guard case .response(_, _, let body, _) = reply else { throw CancellationError() }
        return body
    }

    @Test("the hand-written partial successes decode with swift-protobuf and as OTLP/JSON")
    func partialSuccessBodies() throws {
        let protobuf = try body(of: .otlpPartialSuccess(rejectedSpans: 300, errorMessage: "bad \"span\"", json: false))
        let decoded = try OTLPTraceResponse(serializedBytes: protobuf)
        #expect(decoded.partialSuccess.rejectedSpans == 300)
        #expect(decoded.partialSuccess.errorMessage == "bad \"span\"")

        let json = try body(of: .otlpPartialSuccess(rejectedSpans: 300, errorMessage: "bad \"span\"", json: true))
        let response = try OTLPExportResponse(body: json, encoding: .json)
        #expect(response == OTLPExportResponse(rejectedSpans: 300, errorMessage: "bad \"span\""))
    }

    @Test("a reset in the middle of the body is a connection reset to the client")
    func resetIsAConnectionFailure() async throws {
        let server = LoopbackHTTPServer(
            defaultReply: .resetMidBody(status: 200, body: Array(repeating: 0x41, count: 100), sentBytes: 10)
        )
        _ = try await server.start()
        defer { server.stop() }
        let request = HTTPRequest(url: try #require(server.url(path: "/v1/traces")), body: [1, 2, 3])

        let error = await #expect(throws: HTTPTransportError.self) {
            try await URLSessionHTTPClient().send(request, timeout: .seconds(5))
        }
        guard case .connectionFailed(.reset, _)? = error else {
            Issue.record("expected a reset, got \(String(describing: error))")
            return
        }
    }

    @Test("echoed headers come back as the body, slow bodies arrive whole")
    func echoAndSlowBody() async throws {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        server.enqueue(
            .echoHeaders(status: 401),
            .slowBody(status: 200, body: Array("0123456789".utf8), chunkSize: 3, interval: .milliseconds(10))
        )
        let url = try #require(server.url(path: "/v1/traces"))
        let client = URLSessionHTTPClient()

        let echoed = try await client.send(HTTPRequest(url: url, headers: ["X-Key": "k-123"]), timeout: .seconds(5))
        #expect(echoed.status == 401)
        #expect(String(decoding: echoed.body, as: UTF8.self).contains("X-Key: k-123\n"))
        let slow = try await client.send(HTTPRequest(url: url), timeout: .seconds(5))
        #expect(slow.status == 200)
        #expect(slow.body == Array("0123456789".utf8))
    }
}
