import ExporterOTLP
import ExporterRuntime
import ExporterRuntimeTesting
import Testing

@Suite("otelcollector with workflow processors")
struct OTLPProcessorsTests {
    @Test("an otelcollector section takes processors: its instances run them before building spans")
    func processorsRunInFrontOfTheOTLPPipeline() async throws {
        let workflow = try WorkflowConfiguration.parse(
            """
            general:
              telemetry:
                tracing:
                  otel:
                    _type: otelcollector
                    endpoint: http://127.0.0.1:9/v1/traces
                    processors: [{_type: filter, categories: [tool]}, {_type: sample, rate: 0}]
            """,
            file: "workflow.yml",
            registry: .withOTLP,
            environment: [:]
        )
        let blueprint = try #require(workflow.exporters.first?.blueprint as? EventProcessingBlueprint)
        #expect(blueprint.base is OTLPExporterBlueprint)
        let exporter = try blueprint.makeExporter(name: "otel")
        #expect(exporter is ShutdownLimitedExporter)
        try await exporter.start()
        let events = TestEvents.run(root: "r", turns: 2)
        for event in events { exporter.receive(event) }
        // Rate 0 keeps no trace, so nothing reaches the (closed) endpoint.
        let report = await exporter.shutdown(timeout: .seconds(10))
        await blueprint.close()
        #expect(report.completed)
        let tools = events.filter { $0.category == .tool }.count
        #expect(report.statistics.stages["processors.filter.passed"] == Double(tools))
        #expect(report.statistics.stages["processors.sample.sampled_out"] == Double(tools))
        #expect(report.statistics.stages["spans.spans_emitted"] == 0)
        #expect(report.statistics.exported == 0 && report.statistics.failed == 0)
    }
}
