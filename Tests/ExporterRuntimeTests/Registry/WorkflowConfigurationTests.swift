import ExporterDiagnostics
import ExporterRuntime
import ExporterRuntimeTesting
import ExporterYAML
import Foundation
import Testing

@testable import ExporterCodecs
@testable import ExporterCore

@Suite("WorkflowConfiguration")
struct WorkflowConfigurationTests {
    private func diagnostics(_ yaml: String, environment: [String: String] = [:]) -> [Diagnostic] {
        do {
            _ = try WorkflowConfiguration.parse(yaml, file: "workflow.yml", environment: environment)
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test("a toolkit workflow file builds its tracing exporters and ignores the other sections")
    func toolkitSectionWorksUnchanged() throws {
        let directory = try TemporaryDirectory()
        let yaml = """
            llms:
              nim_llm: {_type: nim, model_name: meta/llama-3.1-8b-instruct}
            general:
              telemetry:
                logging:
                  console: {_type: console, level: WARN}
                tracing:
                  traces_file:
                    _type: file
                    output_path: ${TRACE_DIR:-unused}/traces.jsonl
                    project: demo
                    mode: overwrite
                    enable_rolling: true
                    max_file_size: 1048576
                    max_files: 3
                    cleanup_on_init: true
                  console: {_type: console, stream: stderr}
            workflow: {_type: react_agent, llm_name: nim_llm}
            """
        let configuration = try WorkflowConfiguration.parse(
            yaml,
            file: "workflow.yml",
            environment: ["TRACE_DIR": directory.path]
        )
        #expect(configuration.exporters.map(\.name) == ["traces_file", "console"])
        let file = try #require(configuration.exporters[0].blueprint as? FileExporterBlueprint)
        #expect(file.sink.path == directory.path + "/traces.jsonl")
        #expect(file.format == .intermediateStep)
        #expect(configuration.exporters[1].blueprint is ConsoleExporterBlueprint)
    }

    @Test("${VAR} outside the exporter sections is never expanded: a toolkit LLM's unset API key is no error")
    func variablesOutsideTracingAreIgnored() throws {
        let directory = try TemporaryDirectory()
        let yaml = """
            llms:
              nim_llm:
                _type: nim
                api_key: ${NVIDIA_API_KEY}
                base_url: "${NIM_URL"
            functions:
              search: {_type: tavily_search, api_key: "${TAVILY_API_KEY}"}
            general:
              telemetry:
                tracing:
                  out: {_type: file, output_path: "${TRACE_DIR}/t.jsonl"}
            """
        let configuration = try WorkflowConfiguration.parse(
            yaml,
            file: "workflow.yml",
            environment: ["TRACE_DIR": directory.path]
        )
        #expect(configuration.exporters.map(\.name) == ["out"])
        let file = try #require(configuration.exporters[0].blueprint as? FileExporterBlueprint)
        #expect(file.sink.path == directory.path + "/t.jsonl")
    }

    @Test("an unknown _type names the registered types with a did-you-mean, at the value's position")
    func unknownType() {
        let found = diagnostics(
            """
            general:
              telemetry:
                tracing:
                  out:
                    _type: fiel
                    output_path: x.jsonl
            """
        )
        #expect(found.count == 1)
        #expect(found.first?.code == .configurationUnknownType)
        #expect(found.first?.location == SourceLocation(file: "workflow.yml", line: 5, column: 16))
        #expect(found.first?.hint?.contains("did you mean 'file'?") == true)
        #expect(found.first?.hint?.contains("console, file") == true)
    }

    @Test("errors of several exporters are reported together, each at its own line and column")
    func allErrorsAtOnce() {
        let found = diagnostics(
            """
            general:
              telemetry:
                tracing:
                  a: {_type: file}
                  b: {_type: console, colour: always}
                  c: {output_path: x}
                  d: {_type: file, output_path: x.jsonl, max_files: many}
            """
        )
        #expect(found.map(\.code) == ["YAML011", "YAML012", .configurationMissingType, "YAML010"])
        #expect(found.map { $0.location?.line } == [4, 5, 6, 7])
        #expect(found[1].location?.column == 27)
        #expect(found[1].hint?.contains("color") == true)
        #expect(found[3].location?.column == 57)
    }

    @Test("an unset variable without a default is an error naming it, not an empty string")
    func unsetVariable() {
        let found = diagnostics(
            """
            general:
              telemetry:
                tracing:
                  out: {_type: file, output_path: "${OUT_DIR}/t.jsonl"}
            """
        )
        #expect(found.count == 1)
        #expect(found.first?.code == "YAML004")
        #expect(found.first?.message.contains("OUT_DIR") == true)
        #expect(found.first?.location?.line == 4)
    }

    @Test("a workflow without general.telemetry.tracing says what is missing")
    func missingSection() {
        let found = diagnostics("general:\n  telemetry:\n    logging: {}\n")
        #expect(found.first?.code == .configurationNoExporters)
        #expect(found.first?.hint?.contains("tracing") == true)
    }

    @Test("invalid values of the built-in types point at the value")
    func invalidValues() {
        let found = diagnostics(
            """
            general:
              telemetry:
                tracing:
                  a: {_type: file, output_path: a.jsonl, max_file_size: 10 parsecs}
                  b: {_type: file, output_path: "", format: otlp}
                  c: {_type: console, buffer_capacity: 0}
            """
        )
        // Both mistakes of b are reported, the empty path and the unknown format.
        #expect(
            found.map(\.code) == [
                DiagnosticCode.configurationInvalidValue, .configurationInvalidValue, .yamlInvalidValue,
                .configurationInvalidValue,
            ]
        )
        #expect(found.map { $0.location?.line } == [4, 5, 5, 6])
        guard found.count == 4 else { return }
        #expect(found[0].location?.column == 61)
        #expect(found[1].location?.column == 37)
        #expect(found[2].location?.column == 49)
    }

    @Test("durations and sizes accept numbers and units")
    func durationsAndSizes() {
        #expect(ConfigDuration(parsing: "250ms")?.duration == .milliseconds(250))
        #expect(ConfigDuration(parsing: "5s")?.duration == .seconds(5))
        #expect(ConfigDuration(parsing: "1.5m")?.duration == .seconds(90))
        #expect(ConfigDuration(parsing: "2")?.duration == .seconds(2))
        #expect(ConfigDuration(parsing: "-1s") == nil)
        #expect(ConfigDuration(parsing: "soon") == nil)
        #expect(ConfigByteSize(parsing: "10MiB")?.bytes == 10 * 1024 * 1024)
        #expect(ConfigByteSize(parsing: "512kb")?.bytes == 512_000)
        #expect(ConfigByteSize(parsing: "7")?.bytes == 7)
        #expect(ConfigByteSize(parsing: "lots") == nil)
    }
}

/// A directory under the system temporary directory, removed when the test ends.
final class TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "exporter-scaffold-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String) -> String { path + "/" + name }
}
