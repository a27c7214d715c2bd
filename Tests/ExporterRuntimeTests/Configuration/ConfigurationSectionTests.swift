import ExporterDiagnostics
import ExporterRuntime
import ExporterRuntimeTesting
import ExporterYAML
import Synchronization
import Testing

/// A section read key by key: `endpoint` falls back to `TEST_ENDPOINT`; `label` records whether it was written.
private struct Probe: Decodable, YAMLReportsAllProblems {
    var endpoint: String?
    var labelWritten: Bool

    init(from decoder: any Decoder) throws {
        let section = try ConfigurationSection(decoder)
        var reader = section.reader()
        let written = reader.value("endpoint", in: section, as: String.self)
        endpoint = reader.read(written, key: "endpoint", env: "TEST_ENDPOINT", expected: "text") { $0 }?.value
        _ = reader.value("label", in: section, as: String.self)
        labelWritten = section.isWritten("label")
        try reader.finish()
    }
}

@Suite("ConfigurationSection")
struct ConfigurationSectionTests {
    private func probe(_ section: String, environment: [String: String]) throws -> Probe {
        var registry = ExporterRegistry()
        let found = Mutex<Probe?>(nil)
        registry.register("probe", configuration: Probe.self, summary: "test") { probe, _ in
            found.withLock { $0 = probe }
            return BlueprintFromClosure { _ in throw CancellationError() }
        }
        _ = try WorkflowConfiguration.parse(
            "general:\n  telemetry:\n    tracing:\n      p: {_type: probe\(section)}\n",
            registry: registry,
            environment: environment
        )
        return try #require(found.withLock { $0 })
    }

    @Test("a section gets the environment its exporter is built with, for fallbacks")
    func environmentFallback() throws {
        let fallback = try probe("", environment: ["TEST_ENDPOINT": "http://from-env"])
        #expect(fallback.endpoint == "http://from-env")
        let written = try probe(", endpoint: http://written", environment: ["TEST_ENDPOINT": "http://from-env"])
        #expect(written.endpoint == "http://written")
    }

    @Test("a null value is not written; any other is, even one that does not decode")
    func isWritten() throws {
        #expect(try probe(", label: ~", environment: [:]).labelWritten == false)
        #expect(try probe(", label: x", environment: [:]).labelWritten == true)
        #expect(try probe("", environment: [:]).labelWritten == false)
    }
}
