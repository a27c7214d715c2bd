import ExporterDiagnostics
import ExporterOTLP
import ExporterRuntime
import ExporterYAML
import Testing

/// The otelcollector section reads through `ConfigurationReader` as every other type does: all of its mistakes
/// are reported together, each at its own file:line:col.
@Suite("OTLPSectionMistakes")
struct OTLPSectionMistakesTests {
    private func diagnostics(_ lines: [String]) -> [Diagnostic] {
        let section = lines.map { "        " + $0 }.joined(separator: "\n")
        do {
            _ = try WorkflowConfiguration.parse(
                "general:\n  telemetry:\n    tracing:\n      otel:\n" + section + "\n",
                file: "workflow.yml",
                registry: .withOTLP,
                environment: [:]
            )
            return []
        } catch {
            return error.diagnostics
        }
    }

    private func summary(_ found: [Diagnostic]) -> [String] {
        found.map { "\($0.location?.file ?? "none") \($0.code) \($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
    }

    @Test("the issue's section: an endpoint that is no URL, a negative batch_size and a misspelt key")
    func endpointBatchSizeAndMisspeltKey() {
        let found = diagnostics([
            "_type: otelcollector", "endpoint: not a url", "batch_size: -1", "flush_intervall: 5s",
        ])
        #expect(
            summary(found) == [
                "workflow.yml CFG004 6:19", "workflow.yml CFG004 7:21", "workflow.yml YAML012 8:9",
            ]
        )
        guard found.count == 3 else { return }
        #expect(found[0].message == "'endpoint' must be an absolute http:// or https:// URL with a host")
        #expect(found[1].message == "'batch_size' must be at least 1, not -1")
        #expect(found[2].hint == "did you mean 'flush_interval'?")
    }

    @Test("a zero timeout, an unknown encoding and a reserved header")
    func timeoutEncodingAndHeader() {
        let found = diagnostics([
            "_type: otelcollector", "endpoint: http://localhost:4318/v1/traces", "timeout: 0", "encoding: protobf",
            "headers: {Content-Type: text/plain}",
        ])
        #expect(
            summary(found) == [
                "workflow.yml CFG004 7:18", "workflow.yml YAML014 8:19", "workflow.yml CFG004 9:19",
            ]
        )
    }

    @Test("every faulty header and attribute is reported, not only the first")
    func everyFaultyEntry() {
        let found = diagnostics([
            "_type: otelcollector", "endpoint: http://localhost:4318/v1/traces",
            "headers: {bad name: x, Host: h, x-key: [a]}", "resource_attributes: {a: {b: 1}, c: ~}",
        ])
        #expect(
            summary(found) == [
                "workflow.yml CFG004 7:19", "workflow.yml CFG004 7:32", "workflow.yml CFG004 7:48",
                "workflow.yml CFG004 8:34", "workflow.yml CFG004 8:45",
            ]
        )
    }
}
