import ExporterDiagnostics
import ExporterRuntime
import ExporterYAML
import Foundation
import Testing

@testable import ExporterCore

/// How the problems of exporter sections are reported: all of them, with full key paths, naming the exporter.
@Suite("WorkflowSectionDiagnostics")
struct WorkflowSectionDiagnosticsTests {
    private func diagnostics(
        _ yaml: String,
        registry: ExporterRegistry = .builtIn,
        environment: [String: String] = [:]
    ) -> [Diagnostic] {
        do {
            _ = try WorkflowConfiguration.parse(
                yaml,
                file: "workflow.yml",
                registry: registry,
                environment: environment
            )
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test("a bad value, an unknown key and a wrong type of one section are reported together with full key paths")
    func severalProblemsOfOneSection() {
        let found = diagnostics(
            """
            general:
              telemetry:
                tracing:
                  out: {_type: file, output_path: x.jsonl, mode: apend, colr: 1, max_files: x}
            """
        )
        #expect(found.map(\.code) == ["YAML014", "YAML012", "YAML010"])
        #expect(found.map { $0.location?.column } == [54, 61, 81])
        #expect(found[0].message == "invalid value 'apend' at 'general.telemetry.tracing.out.mode'")
        #expect(found[0].hint?.contains("append") == true)
        #expect(found[1].message == "unknown key 'colr' in 'general.telemetry.tracing.out'")
        #expect(found[2].message.hasPrefix("expected an integer at 'general.telemetry.tracing.out.max_files'"))
    }

    @Test("an unset variable in one section does not hide the problems of the others")
    func interpolationErrorsPerSection() {
        let found = diagnostics(
            """
            general:
              telemetry:
                tracing:
                  a: {_type: file, output_path: "${OUT_DIR}/a.jsonl"}
                  b: {_type: fiel, output_path: b.jsonl}
                  c: {_type: console, colour: always, stream: "${STREAM}"}
            """
        )
        #expect(found.map(\.code) == ["YAML004", .configurationUnknownType, "YAML004"])
        #expect(found.map { $0.location?.line } == [4, 5, 6])
    }

    @Test("problems in a shared anchor are reported once per exporter, each naming its exporter")
    func sharedAnchorNamesTheExporter() {
        let found = diagnostics(
            """
            x-defaults: &defaults
              _type: file
              mode: apend
              max_files: -1
            general:
              telemetry:
                tracing:
                  a: {<<: *defaults, output_path: a.jsonl}
                  b: {<<: *defaults, output_path: b.jsonl}
            """
        )
        #expect(found.count == 4)
        #expect(found.allSatisfy { $0.location?.line == 3 || $0.location?.line == 4 })
        let messages = found.map(\.message)
        #expect(messages.contains("invalid value 'apend' at 'general.telemetry.tracing.a.mode'"))
        #expect(messages.contains("invalid value 'apend' at 'general.telemetry.tracing.b.mode'"))
        #expect(
            messages.contains(
                "'max_files' cannot be negative (for exporter 'a', which uses this through an alias or merge key)"
            )
        )
        #expect(messages.contains { $0.contains("for exporter 'b'") })
    }

    @Test("a _type that is not a string says so and lists the types; no debug dump of the node")
    func typeNotAString() {
        for written in ["~", "[file]", "{name: file}"] {
            let found = diagnostics("general:\n  telemetry:\n    tracing:\n      out: {_type: \(written)}\n")
            #expect(found.count == 1)
            #expect(found.first?.code == .configurationUnknownType)
            #expect(found.first?.message == "'_type' of exporter 'out' must be a string naming an exporter type")
            #expect(found.first?.hint == "registered types: atif, console, file")
            #expect(found.first?.location == SourceLocation(file: "workflow.yml", line: 4, column: 20))
        }
    }

    @Test("a workflow that is not a mapping names the top level and what it found")
    func scalarWorkflow() {
        let found = diagnostics("just a string\n")
        #expect(found.first?.code == .configurationNotAMapping)
        #expect(
            found.first?.message
                == "the top level of the workflow configuration must be a mapping, found the scalar 'just a string'"
        )
        let nested = diagnostics("general: [a]\n")
        #expect(nested.first?.message == "'general' must be a mapping, found a sequence")
    }

    @Test("an abbreviated _type gets a did-you-mean for the type it starts")
    func abbreviatedType() {
        var registry = ExporterRegistry.builtIn
        registry.register("otelcollector", configuration: ConsoleExporterConfiguration.self, summary: "test") {
            configuration,
            context in
            ConsoleExporterBlueprint(configuration: configuration, context: context)
        }
        let found = diagnostics("general:\n  telemetry:\n    tracing:\n      out: {_type: otel}\n", registry: registry)
        #expect(found.first?.hint?.hasPrefix("did you mean 'otelcollector'?") == true)
    }

    @Test("toolkit spellings: yes/no booleans and quoted numbers work in exporter sections")
    func lenientToolkitValues() throws {
        let directory = try TemporaryDirectory()
        let configuration = try WorkflowConfiguration.parse(
            """
            general:
              telemetry:
                tracing:
                  out:
                    _type: file
                    output_path: \(directory.path)/t.jsonl
                    enable_rolling: yes
                    max_files: "5"
                    cleanup_on_init: off
            """,
            file: "workflow.yml"
        )
        #expect(configuration.exporters.map(\.name) == ["out"])
    }
}
