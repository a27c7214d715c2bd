import AgentDemoKit
import ExporterRuntime
import ExporterRuntimeTesting
import Foundation

/// The demo's conversations played through an in-memory span exporter: the spans exactly as an exporter
/// receives them, grouped by trace.
struct RecordedDemo {
    var outcomes: [ConversationOutcome]
    var reports: [ShutdownReport]
    var spans: [Span]

    /// Plays the demo's conversations concurrently (no model latency) into an in-memory span sink.
    static func play() async throws -> RecordedDemo {
        let sink = InMemorySink<Span>()
        let manager = ExporterManager()
        manager.add(
            BlueprintFromClosure { name in
                ProcessingExporter(name: name, stages: PassThroughProcessor<Span>(), sink: sink)
            },
            name: "memory"
        )
        let (outcomes, reports) = try await manager.withRun { _ in
            try await SupportAgent(modelLatency: .zero).answerConcurrently(Conversation.demo)
        }
        await manager.close()
        return RecordedDemo(outcomes: outcomes, reports: reports, spans: sink.items)
    }

    /// The spans of the trace whose root carries `sessionID`, in start order.
    func trace(of sessionID: String) -> [Span] {
        guard let root = spans.first(where: { $0.parentSpanID == nil && $0.sessionID == sessionID }) else { return [] }
        return spans.filter { $0.traceID == root.traceID }.sorted { $0.start < $1.start }
    }
}

/// A fresh directory under the system's temporary directory, removed when the value goes away.
final class TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "agent-demo-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String) -> String { path + "/" + name }
}

/// The workflow file the demo ships with.
let bundledWorkflowPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // AgentDemoKitTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // the package
    .appendingPathComponent("workflow.yaml").path

/// The lines of a JSON-lines file, parsed.
func jsonLines(_ path: String) throws -> [JSONValue] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { try JSONValue(parsing: String($0)) }
}
