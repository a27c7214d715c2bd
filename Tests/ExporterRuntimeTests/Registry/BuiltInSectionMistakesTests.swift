import ExporterDiagnostics
import ExporterRuntime
import ExporterYAML
import Testing

/// Every built-in type reads its section through `ConfigurationReader`, so a section with three different
/// mistakes gets three diagnostics, each at its own file:line:col, whatever kind of mistake each is.
@Suite("BuiltInSectionMistakes")
struct BuiltInSectionMistakesTests {
    /// The diagnostics of a workflow whose one exporter section is `lines` (indented under `out:`).
    private func diagnostics(_ lines: [String]) -> [Diagnostic] {
        let section = lines.map { "        " + $0 }.joined(separator: "\n")
        do {
            _ = try WorkflowConfiguration.parse(
                "general:\n  telemetry:\n    tracing:\n      out:\n" + section + "\n",
                file: "workflow.yml",
                registry: .builtIn,
                environment: [:]
            )
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// `code line:column` of each diagnostic, in the order reported.
    private func summary(_ found: [Diagnostic]) -> [String] {
        found.map { diagnostic in
            let location = diagnostic.location
            let file = location?.file == "workflow.yml" ? "" : "(file \(location?.file ?? "none")) "
            return "\(file)\(diagnostic.code) \(location?.line ?? 0):\(location?.column ?? 0)"
        }
    }

    @Test("console: a bad colour, a buffer of zero and a misspelt key")
    func console() {
        let found = diagnostics(["_type: console", "color: sometimes", "buffer_capacity: 0", "show_payload: true"])
        #expect(summary(found) == ["YAML014 6:16", "CFG004 7:26", "YAML012 8:9"])
        guard found.count == 3 else { return }
        #expect(found[0].message == "invalid value 'sometimes' at 'general.telemetry.tracing.out.color'")
        #expect(found[1].message == "'buffer_capacity' must be at least 1, not 0")
        #expect(found[2].hint == "did you mean 'show_payloads'?")
    }

    @Test("file: a bad mode, a negative max_files and a misspelt key")
    func file() {
        let found = diagnostics([
            "_type: file", "output_path: out.jsonl", "mode: apend", "max_files: -1", "max_file_sise: 1MiB",
        ])
        #expect(summary(found) == ["YAML014 7:15", "CFG004 8:20", "YAML012 9:9"])
        guard found.count == 3 else { return }
        #expect(found[0].hint?.hasPrefix("did you mean 'append'?") == true)
        #expect(found[1].message == "'max_files' cannot be negative")
        #expect(found[2].hint == "did you mean 'max_file_size'?")
    }

    @Test("file: a missing output_path, a value of the wrong type and a size of zero")
    func fileWithoutPath() {
        let found = diagnostics(["_type: file", "enable_rolling: maybe", "max_file_size: 0"])
        #expect(summary(found) == ["YAML011 5:9", "YAML010 6:25", "CFG004 7:24"])
        guard found.count == 3 else { return }
        #expect(found[0].message == "missing required key 'output_path' in 'general.telemetry.tracing.out'")
        #expect(found[2].message == "'max_file_size' must be at least 1 byte")
    }

    @Test("atif: a path that names no file, a buffer of zero and a misspelt key")
    func atif() {
        let found = diagnostics(["_type: atif", "output_path: dir/", "buffer_capacity: 0", "agent_nme: bot"])
        #expect(summary(found) == ["CFG004 6:22", "CFG004 7:26", "YAML012 8:9"])
        guard found.count == 3 else { return }
        #expect(found[0].message == "'output_path' must name a file")
        #expect(found[2].hint == "did you mean 'agent_name'?")
    }

    @Test("atif: both destinations, a bad overflow policy and a misspelt key")
    func atifBothDestinations() {
        let found = diagnostics([
            "_type: atif", "output_path: a.json", "output_dir: out", "overflow_policy: drop_new", "modle_name: m",
        ])
        #expect(summary(found) == ["CFG004 7:21", "YAML014 8:26", "YAML012 9:9"])
        guard found.count == 3 else { return }
        #expect(found[0].message == "set either 'output_path' or 'output_dir', not both")
        #expect(found[1].hint?.hasPrefix("did you mean 'drop_newest'?") == true)
    }
}
