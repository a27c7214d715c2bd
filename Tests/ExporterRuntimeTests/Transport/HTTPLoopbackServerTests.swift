import ExporterHTTPTesting
import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

@Suite("HTTPLoopbackServer")
struct HTTPLoopbackServerTests {
    @Test func stopClosesOpenConnectionsAndTheListener() async throws {
        let server = LoopbackHTTPServer(defaultReply: .stall)
        let port = try await server.start()
        defer { server.stop() }
        let url = try TransportFixture.endpoint(server)
        let client = URLSessionHTTPClient()
        let pending = Task { try await client.send(HTTPRequest(url: url), timeout: .seconds(30)) }
        #expect(await server.waitForRequests(count: 1))

        let clock = ContinuousClock()
        let stoppedAt = clock.now
        server.stop()
        server.stop()
        let error = await #expect(throws: HTTPTransportError.self) { _ = try await pending.value }
        #expect(clock.now - stoppedAt < .seconds(5))
        #expect(error == .connectionFailed(.reset, endpoint: "http://127.0.0.1:\(port)/v1/traces"))

        let refused = await #expect(throws: HTTPTransportError.self) {
            _ = try await client.send(HTTPRequest(url: url), timeout: .seconds(5))
        }
        #expect(refused == .connectionFailed(.refused, endpoint: "http://127.0.0.1:\(port)/v1/traces"))
    }

    @Test func repliesComeFromTheQueueThenTheDefaultWithTheirDelay() async throws {
        let server = LoopbackHTTPServer(defaultReply: .status(204))
        _ = try await server.start()
        defer { server.stop() }
        server.enqueue(.status(201, body: "late", delay: .milliseconds(200)))
        let client = URLSessionHTTPClient()
        let url = try TransportFixture.endpoint(server)

        let clock = ContinuousClock()
        let started = clock.now
        let first = try await client.send(HTTPRequest(url: url), timeout: .seconds(5))
        let firstTook = clock.now - started
        let second = try await client.send(HTTPRequest(url: url), timeout: .seconds(5))

        #expect(first.status == 201)
        #expect(first.body == Array("late".utf8))
        #expect(firstTook >= .milliseconds(200))
        #expect(second.status == 204)
        #expect(server.port.map { $0 > 0 } == true)
        #expect(server.url(path: "/x")?.host == "127.0.0.1")
    }
}
