import ExporterDiagnostics
import ExporterHTTPTesting
import ExporterRuntime
import ExporterRuntimeTesting
import ExporterYAML
import Foundation
import Testing

@Suite("HTTPAuth and Secret")
struct HTTPAuthTests {
    private static let token = "s3cr3t-token-value"

    @Test func secretNeverRendersItsValue() {
        let secret = Secret(Self.token)
        var dumped = ""
        dump(secret, to: &dumped)
        var dumpedAuth = ""
        dump(HTTPAuth.basic(user: "alice", password: secret), to: &dumpedAuth)
        let renderings = [
            secret.description, String(reflecting: secret), "\(secret)", String(describing: [secret]), dumped,
            dumpedAuth, "\(HTTPAuth.bearer(secret))",
            String(reflecting: HTTPAuth.apiKeyHeader(name: "x-api-key", value: secret)),
        ]
        for text in renderings {
            #expect(!text.contains(Self.token), "leaked in \(text)")
        }
        #expect(secret.description == "***")
        #expect(secret.revealed == Self.token)
    }

    @Test func secretEncodesRedactedAndDecodesFromYAMLAndJSON() throws {
        let encoded = try JSONEncoder().encode(["token": Secret(Self.token)])
        #expect(String(decoding: encoded, as: UTF8.self) == #"{"token":"***"}"#)
        let fromJSON = try JSONDecoder().decode([String: Secret].self, from: Data(#"{"token":"abc"}"#.utf8))
        #expect(fromJSON["token"]?.revealed == "abc")

        struct Settings: Decodable { var token: Secret }
        let fromYAML = try YAMLDecoder().decode(Settings.self, from: "token: xyz\n")
        #expect(fromYAML.token.revealed == "xyz")
        let error = #expect(throws: DiagnosticError.self) {
            _ = try YAMLDecoder().decode(Settings.self, from: "token: ''\n")
        }
        #expect(error?.diagnostics.first?.code == .httpEmptySecret)
        #expect(error?.diagnostics.first?.location?.line == 1)
    }

    @Test func authenticationHeadersArriveAsConfigured() async throws {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        let cases: [(HTTPAuth, String, String)] = [
            (.bearer(Secret("tok")), "Authorization", "Bearer tok"),
            (.basic(user: "alice", password: Secret("open sesame")), "Authorization", "Basic YWxpY2U6b3BlbiBzZXNhbWU="),
            (.apiKeyHeader(name: "x-api-key", value: Secret("k-123")), "X-API-Key", "k-123"),
        ]
        for (auth, _, _) in cases {
            let sink = HTTPExportSink(
                configuration: .init(endpoint: try TransportFixture.endpoint(server), auth: auth)
            )
            try await sink.export(TransportFixture.payload())
        }
        let requests = server.requests
        #expect(requests.count == 3)
        for (request, expected) in zip(requests, cases) {
            #expect(request.headers[expected.1] == expected.2)
            #expect(request.headers.values(for: expected.1).count == 1)
        }
        #expect(!requests[2].headers.contains("Authorization"))
    }

    @Test func errorsScrubSecretsEchoedByTheServer() async throws {
        let server = LoopbackHTTPServer(defaultReply: .status(401, body: "bad credentials: Bearer \(Self.token)"))
        _ = try await server.start()
        defer { server.stop() }
        let capture = LogCapture()
        let sink = HTTPExportSink(
            configuration: .init(endpoint: try TransportFixture.endpoint(server), auth: .bearer(Secret(Self.token))),
            logger: capture.logger
        )

        let error = await #expect(throws: HTTPExportError.self) { try await sink.export(TransportFixture.payload()) }

        let text = "\(error.map { "\($0)" } ?? "")"
        // The whole header value goes, not only the token in it.
        #expect(text.contains("HTTP 401: bad credentials: ***"))
        #expect(!text.contains(Self.token))
        #expect(!capture.all.isEmpty)
        for record in capture.all {
            #expect(!record.message.contains(Self.token))
            #expect(!record.metadata.values.contains { $0.contains(Self.token) })
        }
    }
}
