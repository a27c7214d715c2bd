import ExporterRuntime
import Foundation
import Testing

@Suite("SecretScrubber")
struct SecretScrubberTests {
    private static let endpoint = URL(
        string: "https://robot:hunter2-pass@collector.example/v1/traces?api_key=q-key-777"
    )!

    private func scrubber(
        auth: HTTPAuth = .none,
        headers: HTTPHeaders = HTTPHeaders(),
        secrets: [Secret] = [],
        limit: Int = SecretScrubber.defaultLimit
    ) -> SecretScrubber {
        SecretScrubber(
            configuration: HTTPExportSink.Configuration(
                endpoint: Self.endpoint,
                headers: headers,
                auth: auth,
                secrets: secrets
            ),
            limit: limit
        )
    }

    private func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

    @Test func everyConfiguredSecretAndItsBase64FormsAreReplaced() {
        let scrubber = scrubber(
            auth: .basic(user: "alice", password: Secret("pa55-word")),
            headers: ["x-api-key": "key-abc-123", "Authorization-Extra": "Token tok-zzz-999"],
            secrets: [Secret("field-secret-42")]
        )
        let echoed = [
            "x-api-key: key-abc-123",
            "authorization: Basic \(base64("alice:pa55-word"))",
            "extra: tok-zzz-999",
            "field: field-secret-42 / \(base64("field-secret-42"))",
            "url: hunter2-pass q-key-777",
            "password alone: pa55-word, base64 \(base64("pa55-word"))",
        ].joined(separator: "\n")

        let text = scrubber.scrub(echoed)

        for secret in [
            "key-abc-123", "pa55-word", base64("alice:pa55-word"), "tok-zzz-999", "field-secret-42",
            base64("field-secret-42"), "hunter2-pass", "q-key-777", base64("pa55-word"),
        ] {
            #expect(!text.contains(secret), "\(secret)")
        }
        #expect(text.hasPrefix("x-api-key: *** authorization: *** extra: ***"))
        #expect(!text.contains("\n"))
    }

    @Test func base64WithoutPaddingAndURLSafeFormsAreReplaced() {
        // Encodes as "enp+fn4+Pw==": '+' and padding.
        let secret = "zz~~~>?"
        let standard = base64(secret)
        let urlSafe = standard.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let scrubber = scrubber(auth: .bearer(Secret(secret)))

        #expect(scrubber.scrub("a \(standard) b") == "a *** b")
        #expect(scrubber.scrub("a \(urlSafe) b") == "a *** b")
    }

    @Test func shortHeaderValuesAreLeftAloneButShortCredentialsAreNot() {
        let scrubber = scrubber(auth: .apiKeyHeader(name: "k", value: Secret("ab")), headers: ["X-Version": "2"])

        #expect(scrubber.scrub("version 2, key ab") == "version 2, key ***")
    }

    @Test func longTextIsCutAfterScrubbing() {
        let secret = "s3cr3t-value-that-is-long"
        let scrubber = scrubber(secrets: [Secret(secret)], limit: 40)
        // The secret straddles the cut: it is replaced whole before the text is cut.
        let text = scrubber.scrub(String(repeating: "x", count: 30) + secret + String(repeating: "y", count: 100))

        #expect(text == String(repeating: "x", count: 30) + "***" + String(repeating: "y", count: 7) + "…")
    }

    @Test func binaryBodiesAreDescribedNeverShown() {
        let scrubber = scrubber()
        let protobuf: [UInt8] = [0x0A, 0x05, 0x00, 0xFF, 0x12]

        #expect(
            scrubber.describe(body: protobuf, contentType: "application/x-protobuf")
                == "5 bytes of application/x-protobuf"
        )
        #expect(scrubber.describe(body: [0x00, 0x01, 0x02], contentType: nil) == "3 bytes of unknown type")
        #expect(scrubber.describe(body: Array("plain words".utf8), contentType: nil) == "plain words")
        #expect(scrubber.describe(body: [], contentType: "text/plain") == "")
    }

    @Test func longBodiesAreBounded() {
        let scrubber = scrubber(limit: 100)
        let body = Array(String(repeating: "error ", count: 10_000).utf8)

        let text = scrubber.describe(body: body, contentType: "text/html")

        #expect(text.count == 101)
        #expect(text.hasSuffix("…"))
    }
}
