import ExporterRuntimeTesting
import ExporterYAML
import Foundation
import Testing

/// `scaffold new` wires the fields it is given into the transport by convention, says what it wired and what it
/// left, and the spec it writes validates and generates.
@Suite("scaffold new wiring", .serialized)
struct NewWiringTests {
    /// Runs `scaffold new exporter NAME ARGUMENTS --yes` in a fresh directory; returns the result and the spec.
    static func new(
        _ name: String,
        _ arguments: [String]
    ) async throws -> (
        status: Int32, output: String, spec: YAMLNode?, root: URL
    ) {
        let root = try GenerateCommandTests.temporaryDirectory()
        let result = try await GenerateCommandTests.run(
            ["new", "exporter", name, "--yes", "--runtime-path", GenerateCommandTests.repository.path] + arguments,
            in: root
        )
        let specURL = root.appendingPathComponent("\(name)/exporter.yaml")
        let spec = (try? String(contentsOf: specURL, encoding: .utf8)).flatMap { try? YAMLParser.parse($0) }
        return (result.status, result.output, spec, root)
    }

    /// The spec written validates, and `check` finds the package generated from it up to date.
    static func expectValidAndGenerated(_ root: URL, _ name: String) async throws {
        let spec = root.appendingPathComponent("\(name)/exporter.yaml").path
        let validate = try await GenerateCommandTests.run(["validate", spec], in: root)
        #expect(validate.status == 0, "\(validate.output)")
        let check = try await GenerateCommandTests.run(["check", spec], in: root)
        #expect(check.status == 0, "\(check.output)")
    }

    @Test("otel: the url field named endpoint is transport.endpoint and the only secret is bearer auth")
    func otelEndpointAndBearer() async throws {
        let made = try await Self.new(
            "acme_otel",
            [
                "--base", "otel", "--transport", "otlp", "--field", "endpoint:url=https://acme.example/v1/traces",
                "--field", "api_key:secret",
            ]
        )
        defer { try? FileManager.default.removeItem(at: made.root) }
        #expect(made.status == 0, "\(made.output)")
        let transport = made.spec?["transport"]
        #expect(transport?["endpoint"]?.stringValue == "${endpoint}", "the URL is not written literally")
        #expect(transport?["auth"]?["kind"]?.stringValue == "bearer")
        #expect(transport?["auth"]?["token_field"]?.stringValue == "api_key")
        #expect(made.spec?["config"]?["fields"]?[0]?["default"]?.stringValue == "https://acme.example/v1/traces")
        #expect(made.output.contains("wired: transport.endpoint: ${endpoint}  (a url field named endpoint)"))
        #expect(made.output.contains("wired: transport.auth: bearer, token_field: api_key  (the only secret field)"))
        #expect(!made.output.contains("declared, not used"), "\(made.output)")
        try await Self.expectValidAndGenerated(made.root, "acme_otel")
    }

    @Test("file: output_path is the file transport's path")
    func fileOutputPath() async throws {
        let made = try await Self.new(
            "acme_file",
            ["--base", "span", "--transport", "file", "--field", "output_path:string=./acme.jsonl"]
        )
        defer { try? FileManager.default.removeItem(at: made.root) }
        #expect(made.status == 0, "\(made.output)")
        #expect(made.spec?["transport"]?["path"]?.stringValue == "${output_path}")
        #expect(made.output.contains("wired: transport.path: ${output_path}  (a string field named output_path)"))
        try await Self.expectValidAndGenerated(made.root, "acme_file")
    }

    @Test("http: the only url field is the endpoint; public_key and secret_key are basic auth")
    func httpBasicAuth() async throws {
        let made = try await Self.new(
            "acme_basic",
            [
                "--base", "span", "--transport", "http", "--field", "collector:url=https://acme.example/ingest",
                "--field", "public_key:string", "--field", "secret_key:secret",
            ]
        )
        defer { try? FileManager.default.removeItem(at: made.root) }
        #expect(made.status == 0, "\(made.output)")
        let transport = made.spec?["transport"]
        #expect(transport?["endpoint"]?.stringValue == "${collector}")
        #expect(transport?["auth"]?["kind"]?.stringValue == "basic")
        #expect(transport?["auth"]?["user_field"]?.stringValue == "public_key")
        #expect(transport?["auth"]?["password_field"]?.stringValue == "secret_key")
        #expect(made.output.contains("wired: transport.endpoint: ${collector}  (the only url field)"))
        try await Self.expectValidAndGenerated(made.root, "acme_basic")
    }

    @Test("--auth and --header say what convention cannot; what is left is listed with the line to add")
    func explicitAuthHeadersAndLeftovers() async throws {
        let made = try await Self.new(
            "acme_explicit",
            [
                "--base", "span", "--transport", "http", "--field", "token:secret", "--field", "signing_key:secret",
                "--field", "project:string=demo", "--field", "batch_size:int=50", "--auth", "bearer:token",
                "--header", "X-Project=project",
            ]
        )
        defer { try? FileManager.default.removeItem(at: made.root) }
        #expect(made.status == 0, "\(made.output)")
        let transport = made.spec?["transport"]
        #expect(transport?["auth"]?["token_field"]?.stringValue == "token")
        #expect(transport?["headers"]?["X-Project"]?.stringValue == "${project}")
        // No url field: the endpoint stays the literal placeholder.
        #expect(transport?["endpoint"]?.stringValue == "http://localhost:4318/v1/traces")
        #expect(made.output.contains("wired: transport.auth: bearer, token_field: token  (--auth)"))
        #expect(made.output.contains("wired: transport.headers.X-Project: ${project}  (--header)"))
        #expect(
            made.output.contains(
                "declared, not used by the transport: signing_key (secret); to send it, add under transport.headers: "
                    + "Signing-Key: \"${signing_key}\" (or pass --header Signing-Key=signing_key)"
            ),
            "\(made.output)"
        )
        #expect(
            made.output.contains(
                "declared, not used by the transport: batch_size (int); to use it, add under processors: "
                    + "- {kind: batch, batch_size: ${batch_size}}"
            ),
            "\(made.output)"
        )
        try await Self.expectValidAndGenerated(made.root, "acme_explicit")
    }

    @Test(
        "options that cannot be wired are refused before anything is written, exit 2",
        arguments: [
            (
                ["--transport", "http", "--field", "api_key:secret", "--auth", "bearer:api_kye"],
                "did you mean 'api_key'?"
            ),
            (
                ["--transport", "console", "--field", "api_key:secret", "--header", "x=api_key"],
                "--auth and --header apply"
            ),
            (["--transport", "http", "--auth", "digest:x"], "must be bearer:FIELD or basic:"),
            (["--transport", "http", "--header", "x-key"], "must be NAME=FIELD"),
            (["--base", "raw", "--transport", "otlp"], "otlp"),
        ]
    )
    func refusals(arguments: [String], message: String) async throws {
        let made = try await Self.new("acme_refused", arguments)
        defer { try? FileManager.default.removeItem(at: made.root) }
        #expect(made.status == 2, "\(made.output)")
        #expect(made.output.contains(message), "\(made.output)")
        #expect(made.output.contains("nothing was written"), "\(made.output)")
        #expect(made.spec == nil)
    }
}
