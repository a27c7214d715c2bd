import AgentDemoKit
import ExporterRuntime
import Foundation
import Testing

/// The demo's own workflow file: console, file and ATIF exporters at once, all complete.
@Suite("DemoWorkflow")
struct DemoWorkflowTests {
    @Test("the bundled workflow writes every event, every span and one trajectory per conversation")
    func bundledWorkflow() async throws {
        let directory = try TemporaryDirectory()
        let configuration = try DemoExporters.workflow(
            at: bundledWorkflowPath,
            outputDirectory: directory.path,
            environment: [:]
        )
        #expect(configuration.exporters.map(\.name) == ["console", "steps", "spans", "trajectories"])

        let report = try await DemoRun.play(agent: SupportAgent(modelLatency: .zero), configuration: configuration)
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.reports.allSatisfy { $0.completed && $0.statistics.received > 0 })

        let spans = try jsonLines(directory.file("spans.jsonl"))
        let scopes = report.outcomes.reduce(0) { $0 + 1 + $1.usages.count + $1.conversation.scriptedToolCalls.count }
        #expect(spans.count == scopes)
        #expect(Set(spans.compactMap { $0["session_id"]?.stringValue }) == Set(Conversation.demo.map(\.sessionID)))
        // A START and an END per scope, in the toolkit's format.
        #expect(try jsonLines(directory.file("steps.jsonl")).count == 2 * scopes)

        let trajectories = try FileManager.default.contentsOfDirectory(atPath: directory.file("atif")).sorted()
        #expect(trajectories == Conversation.demo.map { ATIFFileSink.fileName(forSessionID: $0.sessionID) }.sorted())
        for name in trajectories {
            let trajectory = try JSONValue(
                parsing: try String(contentsOfFile: directory.file("atif/" + name), encoding: .utf8)
            )
            #expect(trajectory["agent"]?["name"]?.stringValue == "support-bot")
        }
        #expect(report.summary.contains("== no event dropped, no export failed"))
    }
}
