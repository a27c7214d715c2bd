import ExporterDiagnostics
import ExporterRuntime
import ExporterYAML
import Testing

/// The effective configuration the registry records while it decodes each section
/// (`WorkflowConfiguration.effectiveSettings`, what `scaffold replay --explain-config` prints): for any type that
/// reads its section through a `ConfigurationReader`, with no code of its own beyond `settle`.
@Suite("WorkflowEffectiveSettings")
struct WorkflowEffectiveSettingsTests {
    /// A type as an application or a generated package writes one: `url` settled (from the section or the
    /// environment), `token` and `retries` read but never settled, the shared buffer keys.
    private struct Probe: Decodable, Sendable {
        init(from decoder: any Decoder) throws {
            let section = try ConfigurationSection(decoder)
            var reader = section.reader()
            let url = reader.read(
                reader.value("url", in: section, as: String.self),
                key: "url",
                env: "PROBE_URL",
                expected: "text",
                parse: { $0 }
            )
            reader.settle("url", url, default: "http://localhost")
            _ = reader.value("token", in: section, as: String.self)
            _ = reader.value("retries", in: section, as: Int.self)
            _ = reader.buffer(in: section)
            try reader.finish()
        }
    }

    private static var registry: ExporterRegistry {
        var registry = ExporterRegistry.builtIn
        registry.register("probe", configuration: Probe.self, summary: "test") { _, context in
            ConsoleExporterBlueprint(configuration: ConsoleExporterConfiguration(), context: context)
        }
        return registry
    }

    private static func settings(_ section: String, environment: [String: String]) throws -> [EffectiveSetting] {
        let workflow = try WorkflowConfiguration.parse(
            "general:\n  telemetry:\n    tracing:\n      p: \(section)\n",
            file: "workflow.yml",
            registry: registry,
            environment: environment
        )
        return try #require(workflow.effectiveSettings["p"])
    }

    @Test("settled keys carry their value and source; the others are listed, where written, without their value")
    func everyKeyIsListed() throws {
        let settings = try Self.settings(
            "{_type: probe, token: hunter2, buffer_capacity: 32}",
            environment: ["PROBE_URL": "http://collector:4318"]
        )
        #expect(
            settings == [
                EffectiveSetting(
                    key: "url",
                    value: "http://collector:4318",
                    source: .environment("PROBE_URL")
                ),
                EffectiveSetting(
                    key: "buffer_capacity",
                    value: "32",
                    source: .workflow(SourceLocation(file: "workflow.yml", line: 4, column: 58))
                ),
                EffectiveSetting(key: "overflow_policy", value: "drop_newest", source: .default),
                EffectiveSetting(key: "retries", value: EffectiveSetting.unrecorded, source: .default),
                EffectiveSetting(
                    key: "token",
                    value: EffectiveSetting.unrecorded,
                    source: .workflow(SourceLocation(file: "workflow.yml", line: 4, column: 25))
                ),
            ]
        )
        #expect(!settings.contains { $0.value.contains("hunter2") })
    }

    @Test("a written value wins over the environment; an absent one takes the settled default")
    func precedence() throws {
        let written = try Self.settings("{_type: probe, url: http://yaml}", environment: ["PROBE_URL": "http://env"])
        #expect(written.first?.value == "http://yaml")
        #expect(written.first?.source == .workflow(SourceLocation(file: "workflow.yml", line: 4, column: 30)))
        let absent = try Self.settings("{_type: probe}", environment: [:])
        #expect(absent.first == EffectiveSetting(key: "url", value: "http://localhost", source: .default))
    }
}
