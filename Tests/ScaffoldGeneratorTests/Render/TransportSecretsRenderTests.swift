import Testing

@testable import ScaffoldGenerator

/// Every `secret` field of a spec reaches the transport's scrubber (`HTTPExportSink.Configuration.secrets`), whether
/// or not a header sends it.
@Suite("Transport secrets in generated code")
struct TransportSecretsRenderTests {
    private func exporterSource(fields: String, transport: String) throws -> String {
        let text = """
            spec_version: 1
            name: x_exp
            base: \(transport.contains("otlp") ? "otel" : "span")
            config:
              fields:
            \(fields)
            transport: \(transport)
            """
        let spec = try SpecLoader.load(text: text)
        let files = try ExporterRenderer(options: RenderFixtures.options()).render(spec)
        return try #require(files.first { $0.path.hasSuffix("Exporter.swift") && $0.path.contains("/Generated/") })
            .contents
    }

    @Test("required, optional and list secrets, sent in a header or not")
    func everyKindOfSecretField() throws {
        let source = try exporterSource(
            fields: """
                    - {name: token, type: secret, required: true}
                    - {name: spare, type: secret}
                    - {name: rotated, type: list, of: secret, required: true}
                    - {name: region, type: string, default: eu}
                """,
            transport: "{kind: http, endpoint: 'http://127.0.0.1/x', auth: {kind: bearer, token_field: token}}"
        )

        #expect(
            source.contains(
                "secrets: [configuration.token, configuration.spare].compactMap { $0 } + configuration.rotated"
            )
        )
    }

    @Test("no secret field: no secrets argument")
    func noSecretField() throws {
        let source = try exporterSource(
            fields: "    - {name: region, type: string, default: eu}",
            transport: "{kind: otlp, endpoint: 'http://127.0.0.1/v1/traces'}"
        )

        #expect(source.contains("retry: RetryPolicy()\n        )"))
        #expect(!source.contains("secrets:"))
    }
}
