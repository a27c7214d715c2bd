import ExporterRuntime
import Foundation
import Testing

@testable import ExporterHTTPTesting

@Suite("HTTPClient")
struct HTTPClientTests {
    @Test func roundTripsMethodHeadersBodyAndReusesTheConnection() async throws {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        server.enqueue(.status(202, headers: ["X-Reply": "yes"], body: "accepted"))
        let client = URLSessionHTTPClient()
        let url = try TransportFixture.endpoint(server, path: "/ingest?batch=1")

        let first = try await client.send(
            HTTPRequest(method: "PUT", url: url, headers: ["X-One": "1", "x-two": "2"], body: Array("hello".utf8)),
            timeout: .seconds(5)
        )
        for _ in 0..<2 {
            _ = try await client.send(HTTPRequest(url: url, body: [1, 2, 3]), timeout: .seconds(5))
        }

        #expect(first.status == 202)
        #expect(first.headers["x-reply"] == "yes")
        #expect(first.body == Array("accepted".utf8))
        let requests = server.requests
        #expect(requests.count == 3)
        #expect(requests[0].method == "PUT")
        #expect(requests[0].target == "/ingest?batch=1")
        #expect(requests[0].headers["X-ONE"] == "1")
        #expect(requests[0].headers["X-Two"] == "2")
        #expect(requests[0].body == Array("hello".utf8))
        #expect(requests[2].body == [1, 2, 3])
        #expect(server.connectionsAccepted == 1)
    }

    @Test func largeBodiesArriveWhole() async throws {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        let body = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }

        let response = try await URLSessionHTTPClient().send(
            HTTPRequest(url: try TransportFixture.endpoint(server), body: body),
            timeout: .seconds(10)
        )

        #expect(response.status == 200)
        #expect(server.requests.first?.body == body)
    }

    @Test func refusedConnectionAndTimeoutAreConnectionFailures() async throws {
        let port = try TransportFixture.closedPort()
        let client = URLSessionHTTPClient()
        let refusedURL = try #require(URL(string: "http://user:pw@127.0.0.1:\(port)/v1/traces?key=k"))
        let refused = await #expect(throws: HTTPTransportError.self) {
            _ = try await client.send(HTTPRequest(url: refusedURL), timeout: .seconds(5))
        }
        #expect(refused == .connectionFailed(.refused, endpoint: "http://127.0.0.1:\(port)/v1/traces"))

        let server = LoopbackHTTPServer(defaultReply: .stall)
        _ = try await server.start()
        defer { server.stop() }
        let clock = ContinuousClock()
        let started = clock.now
        let timedOut = await #expect(throws: HTTPTransportError.self) {
            _ = try await client.send(
                HTTPRequest(url: try TransportFixture.endpoint(server)),
                timeout: .milliseconds(200)
            )
        }
        #expect(clock.now - started < .seconds(3))
        #expect(timedOut?.isRetryable == true)
        guard case .timedOut? = timedOut else {
            Issue.record("expected a timeout, got \(String(describing: timedOut))")
            return
        }
    }

    @Test func cancellationEndsAStalledRequestWithCancellationError() async throws {
        let server = LoopbackHTTPServer(defaultReply: .stall)
        _ = try await server.start()
        defer { server.stop() }
        let url = try TransportFixture.endpoint(server)
        let task = Task {
            try await URLSessionHTTPClient().send(HTTPRequest(url: url), timeout: .seconds(30))
        }
        #expect(await server.waitForRequests(count: 1))
        task.cancel()
        await #expect(throws: CancellationError.self) { _ = try await task.value }
    }

    @Test func descriptionsNeverShowHeaderValuesOrCredentials() throws {
        var request = HTTPRequest(
            url: try #require(URL(string: "https://alice:hunter2@collector.example/v1/traces?api_key=abc123")),
            headers: ["X-Tenant": "tenant-7"],
            body: [1, 2]
        )
        HTTPAuth.bearer(Secret("tok-9f8e")).apply(to: &request)
        let text = "\(request)"
        #expect(text == "POST https://collector.example/v1/traces headers=[X-Tenant, Authorization] body=2 bytes")
        #expect(request.headers["authorization"] == "Bearer tok-9f8e")
    }

    @Test func serverParsesChunkedBodiesAndExpectContinue() throws {
        let chunked = Array(
            "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: t\r\n\r\nNEXT"
                .utf8
        )
        guard case .complete(let request) = ParsedRequest.parse(chunked) else {
            Issue.record("chunked request not parsed")
            return
        }
        #expect(request.body == Array("hello world".utf8))
        #expect(request.consumed == chunked.count - 4)

        let waiting = Array("POST /x HTTP/1.1\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\nab".utf8)
        guard case .incomplete(expectsContinue: true) = ParsedRequest.parse(waiting) else {
            Issue.record("expected an incomplete request asking for 100-continue")
            return
        }
        guard case .malformed = ParsedRequest.parse(Array("NONSENSE\r\n\r\n".utf8)) else {
            Issue.record("expected a malformed request")
            return
        }
    }
}
