import ExporterRuntime
import Testing

@Suite("BuiltInPipeline")
struct BuiltInPipelineTests {
    @Test func filterRedactBatchChainRunsByHand() async throws {
        let redaction = try RedactionProcessor(keyPaths: ["input.api_key"])
        let batching = try BatchingProcessor<AgentEvent>(batchSize: 2)
        var pipeline = Pipeline.build {
            FilterProcessor(categories: [.llm, .tool])
            redaction
            batching
        }
        let events = [
            makeEvent(uuid: "1", category: .llm, input: ["api_key": "k1"]),
            makeEvent(uuid: "2", category: .agent, input: ["api_key": "k2"]),
            makeEvent(uuid: "3", category: .tool, input: ["api_key": "k3"]),
            makeEvent(uuid: "4", category: .llm, input: ["q": "x"]),
        ]
        let batches: [[AgentEvent]] = try await run(&pipeline, events)
        #expect(batches.map { $0.map(\.uuid) } == [["1", "3"]])
        #expect(batches.first?.map(\.input) == [["api_key": "[REDACTED]"], ["api_key": "[REDACTED]"]])
        #expect(pipeline.deadline != nil, "the batcher's pending item sets the chain's deadline")

        let rest = try await flushed(&pipeline)
        #expect(rest.map { $0.map(\.uuid) } == [["4"]])
        #expect(pipeline.deadline == nil)
        #expect(pipeline.statistics["filtered_out"] == 1)
        #expect(pipeline.statistics["values_redacted"] == 2)
        #expect(pipeline.statistics["batches_created"] == 2)
        #expect(pipeline.statistics["items_processed"] == 3)
    }
}
