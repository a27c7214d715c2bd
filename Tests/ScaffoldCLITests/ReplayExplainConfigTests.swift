import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

/// `scaffold replay --explain-config`, run as the binary with a real environment: every value with where it came
/// from, secrets masked, and nothing replayed.
@Suite struct ReplayExplainConfigTests {
    private static let workflow = """
        general:
          telemetry:
            tracing:
              otel:
                _type: otelcollector
                project: demo
                batch_size: 7
                headers: {authorization: Bearer yaml-secret-1}
              out: {_type: file, output_path: out.jsonl}

        """

    private static let environment = [
        "OTEL_EXPORTER_OTLP_ENDPOINT": "https://user:env-secret-2@collector:4318",
        "OTEL_BSP_SCHEDULE_DELAY": "250",
    ]

    private func explain(_ extra: [String]) async throws -> (status: Int32, output: String, directory: URL) {
        let directory = try GenerateCommandTests.temporaryDirectory()
        try Self.workflow.write(to: directory.appendingPathComponent("workflow.yml"), atomically: true, encoding: .utf8)
        let outcome = try await ChildProcess.run(
            GenerateCommandTests.binary.path,
            ["replay", "no-such-trace.jsonl", "--config", "workflow.yml", "--explain-config"] + extra,
            in: directory,
            environment: Self.environment
        )
        return (outcome.status, outcome.output, directory)
    }

    @Test func textNamesEachValuesSourceAndMasksSecrets() async throws {
        let (status, output, directory) = try await explain([])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(status == 0, "\(output)")
        let lines = output.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        func line(_ key: String) -> String? {
            lines.first { $0.first.map(String.init) == key }.map { $0.joined(separator: " ") }
        }
        #expect(output.hasPrefix("exporter 'otel'\n"))
        #expect(
            line("endpoint")
                == "endpoint https://user:***@collector:4318/v1/traces environment variable OTEL_EXPORTER_OTLP_ENDPOINT"
        )
        #expect(line("project") == "project demo workflow.yml:6:18")
        #expect(line("batch_size") == "batch_size 7 workflow.yml:7:21")
        #expect(line("flush_interval") == "flush_interval 0.25 seconds environment variable OTEL_BSP_SCHEDULE_DELAY")
        #expect(line("compression") == "compression none default")
        #expect(line("headers.authorization") == "headers.authorization *** workflow.yml:8:19")
        #expect(output.contains("exporter 'out' (FileExporterBlueprint): does not record where its values come from"))
        #expect(!output.contains("secret-1") && !output.contains("secret-2"))
        // The file exporter opens its file when it is built; nothing was written to it.
        let written = FileManager.default.contents(atPath: directory.appendingPathComponent("out.jsonl").path)
        #expect(written?.isEmpty ?? true)
    }

    @Test func jsonGivesTheSameSettings() async throws {
        let (status, output, directory) = try await explain(["--format", "json"])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(status == 0, "\(output)")
        let object = try JSONValue(parsing: output.trimmingCharacters(in: .whitespacesAndNewlines))
        let exporters = try #require(object.objectValue?["exporters"]?.arrayValue)
        #expect(exporters.count == 2)
        let settings = try #require(exporters.first?.objectValue?["settings"]?.arrayValue)
        let endpoint = try #require(settings.first { $0.objectValue?["key"]?.stringValue == "endpoint" })
        #expect(
            endpoint
                == .object([
                    "key": "endpoint", "value": "https://user:***@collector:4318/v1/traces",
                    "source": "environment", "variable": "OTEL_EXPORTER_OTLP_ENDPOINT",
                ])
        )
        let project = try #require(settings.first { $0.objectValue?["key"]?.stringValue == "project" })
        #expect(
            project
                == .object(["key": "project", "value": "demo", "source": "workflow", "location": "workflow.yml:6:18"])
        )
        #expect(exporters.last?.objectValue?["settings"] == .null)
    }
}
