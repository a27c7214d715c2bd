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
                conventions: [genai, openinference]
              out: {_type: file, output_path: out.jsonl, buffer_capacity: 64}
              tree: {_type: console, stream: stderr}

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
        #expect(line("attribute_prefix") == "attribute_prefix nat default")
        #expect(line("conventions") == "conventions [genai, openinference] workflow.yml:9:22")
        #expect(line("overflow_policy") == "overflow_policy drop_newest default")
        // Every type lists its keys, each with its source: the file and console types record theirs too.
        let file = Self.settings(of: "out", in: output)
        #expect(file["output_path"] == "out.jsonl workflow.yml:10:39")
        #expect(file["max_files"] == "5 default")
        #expect(file["max_file_size"] == "10485760 bytes default")
        #expect(file["buffer_capacity"] == "64 workflow.yml:10:67")
        #expect(file.count == 10)
        let console = Self.settings(of: "tree", in: output)
        #expect(console["stream"] == "stderr workflow.yml:11:38")
        #expect(console["show_payloads"] == "false default")
        #expect(console["overflow_policy"] == "drop_newest default")
        #expect(!output.contains("does not record"))
        #expect(!output.contains("secret-1") && !output.contains("secret-2"))
        // The file exporter opens its file when it is built; nothing was written to it.
        let written = FileManager.default.contents(atPath: directory.appendingPathComponent("out.jsonl").path)
        #expect(written?.isEmpty ?? true)
    }

    /// The lines of exporter `name`'s listing: key to value and source, spaces collapsed.
    private static func settings(of name: String, in output: String) -> [String: String] {
        let listing = output.components(separatedBy: "exporter '\(name)'\n").last ?? ""
        var settings: [String: String] = [:]
        for line in listing.split(separator: "\n") {
            guard line.hasPrefix("  ") else { break }
            let words = line.split(separator: " ")
            settings[String(words[0])] = words.dropFirst().joined(separator: " ")
        }
        return settings
    }

    @Test func jsonGivesTheSameSettings() async throws {
        let (status, output, directory) = try await explain(["--format", "json"])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(status == 0, "\(output)")
        let object = try JSONValue(parsing: output.trimmingCharacters(in: .whitespacesAndNewlines))
        let exporters = try #require(object.objectValue?["exporters"]?.arrayValue)
        #expect(exporters.count == 3)
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
        let console = try #require(exporters.last?.objectValue?["settings"]?.arrayValue)
        #expect(
            console.first
                == .object(["key": "stream", "value": "stderr", "source": "workflow", "location": "workflow.yml:11:38"])
        )
        #expect(
            console.map { $0.objectValue?["key"]?.stringValue ?? "" } == [
                "stream", "color", "show_payloads", "prefix", "buffer_capacity", "overflow_policy",
            ]
        )
    }
}
