import ExporterRuntime
import Foundation
import Synchronization
import Testing

/// The generated `Examples/Exporters/mlflow` package's `mlflow-replay` against a real MLflow tracking server
/// (`mlflow==3.17.2`), read back with MLflow's Python client.
///
/// Runs only when `MLFLOW_PYTHON` names the python of `Scripts/mlflow-venv.sh`. Each test starts its own server
/// (a SQLite store in its directory, 127.0.0.1, a free port) and stops it by PID. Serialized: each start-up is
/// CPU-heavy Python, and the fault tests must not share the cores with another server's start. The limit only
/// bounds a hang: the first test also builds `mlflow-replay`, from scratch (minutes) when the compile tests have
/// not built the runtime in their scratch directory before.
@Suite(
    "MLflow",
    .enabled(if: MLflowHarness.python != nil, "set MLFLOW_PYTHON to the python of Scripts/mlflow-venv.sh"),
    .serialized,
    .timeLimit(.minutes(20))
)
struct MLflowIntegrationTests {
    static let fixture = MLflowHarness.packageRoot
        .appendingPathComponent("Tests/ExporterRuntimeTests/Fixtures/toolkit-trace.jsonl")

    /// MLflow's span type for each toolkit step family: MLflow reads `openinference.span.kind` (docs/span-mapping.md
    /// maps the families to AGENT, CHAIN, LLM, TOOL) into its own types.
    static let mlflowSpanType = [
        "WORKFLOW": "AGENT", "FUNCTION": "CHAIN", "LLM": "LLM", "TOOL": "TOOL", "TASK": "CHAIN", "SPAN": "CHAIN",
        "TTC": "CHAIN", "CUSTOM": "CHAIN",
    ]

    /// The workflow section that points the exporter at `server`, with small batches so that a run takes several
    /// requests.
    static func section(_ server: MLflowServer, batchSize: Int = 4, _ extra: [String] = []) -> [String] {
        ["endpoint: \(server.tracesEndpoint)", "batch_size: \(batchSize)", "flush_interval: 100ms"] + extra
    }

    @Test("without experiment_id a replayed toolkit run lands in the Default experiment, tree, types, tokens and all")
    func replayIntoDefaultExperiment() async throws {
        let python = try #require(MLflowHarness.python)
        let recorded = try RecordedToolkitTrace(contentsOf: Self.fixture)
        let directory = try Self.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await MLflowServer.withRunning(python: python, in: directory) { server in

            let replay = try await MLflowHarness.replay(Self.fixture, section: Self.section(server), in: directory)
            #expect(replay.status == 0, "\(replay.output)")
            #expect(replay["exported"] == recorded.scopes.count, "\(replay.output)")
            #expect(replay["failed"] == 0 && replay["dropped"] == 0 && replay["unconfirmed"] == 0, "\(replay.output)")

            let traces = try await MLflowHarness.traces(
                of: server,
                experiment: "0",
                expectedSpans: recorded.scopes.count,
                in: directory
            )
            try #require(traces.count == 1, "\(traces.map(\.traceID))")
            let trace = traces[0]
            #expect(trace.spans.count == recorded.scopes.count, "\(trace.spans.map(\.name))")
            let root = try #require(recorded.scopes.first { $0.parentUUID == nil })
            let workflowTraceID = try #require(root.workflowTraceID)
            #expect(trace.traceID == "tr-" + workflowTraceID, "the run's own trace id")

            var bySpanID: [String: MLflowTrace.Span] = [:]
            for span in trace.spans { #expect(bySpanID.updateValue(span, forKey: span.spanID) == nil, "\(span.name)") }
            var promptTokens: Int64 = 0
            var completionTokens: Int64 = 0
            for scope in recorded.scopes {
                let span = try #require(bySpanID[Self.spanID(scope.uuid)], "no span for \(scope.family) \(scope.name)")
                #expect(span.name == scope.name)
                #expect(span.parentID == scope.parentUUID.map(Self.spanID), "\(scope.name)")
                #expect(span.spanType == Self.mlflowSpanType[scope.family], "\(scope.name)")
                if let prompt = scope.promptTokens, let completion = scope.completionTokens,
                    let total = scope.totalTokens
                {
                    let usage = span.attributes["mlflow.chat.tokenUsage"]
                    #expect(usage?["input_tokens"]?.intValue == prompt, "\(scope.name): \(String(describing: usage))")
                    #expect(usage?["output_tokens"]?.intValue == completion, "\(scope.name)")
                    #expect(usage?["total_tokens"]?.intValue == total, "\(scope.name)")
                    promptTokens += prompt
                    completionTokens += completion
                } else {
                    #expect(span.attributes["mlflow.chat.tokenUsage"] == nil, "\(scope.name)")
                }
            }
            #expect(promptTokens > 0)
            #expect(trace.tokenUsage["input_tokens"]?.intValue == promptTokens, "\(trace.tokenUsage)")
            #expect(trace.tokenUsage["output_tokens"]?.intValue == completionTokens, "\(trace.tokenUsage)")
            #expect(trace.tokenUsage["total_tokens"]?.intValue == promptTokens + completionTokens)

            // The root's input and output, and the previews MLflow's trace list shows, from the recorded run.
            let rootSpan = try #require(bySpanID[Self.spanID(root.uuid)])
            let (question, answer, conversation) = try Self.workflowInputOutputAndConversation()
            #expect(rootSpan.inputs.stringValue == question, "\(rootSpan.inputs)")
            #expect(rootSpan.outputs.stringValue == answer, "\(rootSpan.outputs)")
            #expect(trace.requestPreview?.contains(question) == true, "\(String(describing: trace.requestPreview))")
            #expect(trace.responsePreview?.contains(answer) == true, "\(String(describing: trace.responsePreview))")
            // The recorded run's conversation_id is sent as session.id; MLflow files it as the trace's session. A
            // replayed toolkit file carries no user (docs/span-mapping.md), so MLflow shows none.
            #expect(trace.metadata["mlflow.trace.session"] == conversation, "\(trace.metadata)")
            #expect(trace.metadata["mlflow.trace.user"] == nil, "\(trace.metadata)")
        }
    }

    @Test("MLFLOW_EXPERIMENT_ID chooses the experiment; a nonexistent one (404) or a malformed one (400) fails all")
    func experimentChoiceAndRefusals() async throws {
        let python = try #require(MLflowHarness.python)
        let spans = try RecordedToolkitTrace(contentsOf: Self.fixture).scopes.count
        let directory = try Self.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await MLflowServer.withRunning(python: python, in: directory) { server in

            let experiment = try await server.createExperiment(named: "scaffold-environment")
            let chosen = try await MLflowHarness.replay(
                Self.fixture,
                section: Self.section(server),
                experimentFromEnvironment: experiment,
                in: directory
            )
            #expect(chosen.status == 0, "\(chosen.output)")
            #expect(chosen["exported"] == spans, "\(chosen.output)")
            let stored = try await MLflowHarness.traces(
                of: server,
                experiment: experiment,
                expectedSpans: spans,
                in: directory
            )
            #expect(stored.map(\.spans.count) == [spans])

            // A final status: not retried, every span of every batch failed, nothing stored anywhere. Each run has a
            // trace id of its own: MLflow adds spans of a trace it already holds to that trace whatever the header
            // says, so a replay of the same run would land in the first run's experiment and prove nothing.
            for (index, (id, status)) in [("987654321", "404"), ("not-an-id", "400")].enumerated() {
                let run = try Self.runs(1, first: index + 1, in: directory)
                let refused = try await MLflowHarness.replay(
                    run.trace,
                    section: Self.section(server, ["experiment_id: \"\(id)\""]),
                    in: directory
                )
                #expect(refused.status == 1, "\(refused.output)")
                #expect(refused["exported"] == 0, "\(id): \(refused.output)")
                #expect(refused["failed"] == spans, "\(id): \(refused.output)")
                #expect(refused["unconfirmed"] == 0 && refused["dropped"] == 0, "\(id): \(refused.output)")
                #expect(refused.output.contains(status), "\(id): \(refused.output)")
                print("MLflow experiment_id \(id): exporter \(refused.statistics), MLflow answered \(status)")
            }
            #expect(try await server.storedSpanCount() == spans, "only the first run is stored")
        }
    }

    /// What happens to the server while a run is being delivered.
    enum Fault: String, CustomStringConvertible, CaseIterable {
        /// SIGKILL, then a start on the same port and store: requests in flight are cut off unanswered, and the
        /// next ones are refused until the server is back.
        case killedAndRestarted = "killed and restarted"
        /// SIGSTOP for longer than the request timeout and the retry deadline (10 s each), then SIGCONT: requests
        /// are accepted by the kernel and time out unanswered, and the server stores them when it resumes.
        case hungPastTheRetryDeadline = "hung past the retry deadline"
        /// SIGSTOP from the first stored span until the replay has shut down, then SIGCONT: the batches still held
        /// at shutdown end unanswered (`unconfirmed`), and MLflow stores what it had accepted once it resumes.
        case hungUntilShutdown = "hung until shutdown"

        var description: String { rawValue }
    }

    @Test(
        "the server fails mid-run: every span exported, dropped, failed or unconfirmed; MLflow ⊇ exported",
        arguments: Fault.allCases
    )
    func serverFailsMidRun(_ fault: Fault) async throws {
        let python = try #require(MLflowHarness.python)
        let directory = try Self.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A run of its own per fault: 100 toolkit runs (900 spans, 90 requests), or 20 while the server hangs until
        // the end (each request then waits out its timeout).
        let first = [Fault.killedAndRestarted: 1000, .hungPastTheRetryDeadline: 2000, .hungUntilShutdown: 3000]
        let (trace, spans, events) = try Self.runs(
            fault == .hungUntilShutdown ? 20 : 100,
            first: first[fault] ?? 0,
            in: directory
        )
        try await MLflowServer.withRunning(python: python, in: directory) { server in
            let finished = Mutex(false)
            let replay = Task {
                defer { finished.withLock { $0 = true } }
                return try await MLflowHarness.replay(
                    trace,
                    section: Self.section(server, batchSize: 10),
                    in: directory
                )
            }
            // The fault strikes once the first batches are stored.
            while !finished.withLock({ $0 }), try await server.storedSpanCount() == 0 {
                try await Task.sleep(for: .milliseconds(100))
            }
            if finished.withLock({ $0 }) {
                let early = try await replay.value
                Issue.record("the replay ended before MLflow stored a span: \(early.output)")
                return
            }
            let storedBeforeFault = try await server.storedSpanCount()
            let result: MLflowHarness.Replay
            switch fault {
            case .killedAndRestarted:
                await server.kill()
                try await server.start()
                result = try await replay.value
            case .hungPastTheRetryDeadline:
                server.pause()
                try await Task.sleep(for: .seconds(15))
                server.resume()
                result = try await replay.value
            case .hungUntilShutdown:
                server.pause()
                result = try await replay.value
                server.resume()
                #expect(result["exported"] < spans)
                #expect(result["unconfirmed"] > 0, "\(result.output)")
                _ = try await server.settledSpanCount()
            }
            #expect(storedBeforeFault < spans, "the run was still going when the fault struck")

            // Every event was processed (a replay never drops for speed); every span it made is in exactly one count.
            #expect(result["received"] == events && result["processed"] == events, "\(result.output)")
            let accounted =
                result["exported"] + result["dropped"] + result["failed"] + result["unconfirmed"]
                + result["abandoned_items"]
            #expect(accounted == spans, "\(result.output)")
            // MLflow answers a request only once its spans are stored: every span counted exported is there. Spans
            // it holds beyond those were sent in a request whose answer never came (a killed server stores nothing
            // it has not answered, a hung one stores what it had accepted once it resumes).
            let traces = try await MLflowHarness.traces(
                of: server,
                experiment: "0",
                expectedSpans: result["exported"],
                in: directory
            )
            let stored = traces.reduce(0) { $0 + $1.spans.count }
            #expect(stored >= result["exported"], "MLflow holds every span counted exported: \(result.output)")
            #expect(stored <= spans)
            let counts = ["exported", "dropped", "failed", "unconfirmed", "abandoned_items"].map {
                "\($0)=\(result[$0])"
            }
            print(
                "MLflow \(fault) mid-run (\(storedBeforeFault) spans stored before): exporter "
                    + counts.joined(separator: " ")
                    + "; MLflow holds \(stored) of \(spans) spans, \(traces.count) traces"
            )
        }
    }

    /// The run's question, answer and conversation: the recorded WORKFLOW_START's input and
    /// `provided_metadata.conversation_id`, and WORKFLOW_END's output, read raw.
    static func workflowInputOutputAndConversation() throws -> (String, String, String) {
        var input: String?
        var output: String?
        var conversation: String?
        for line in try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n") {
            let payload = try JSONValue(parsing: String(line))["payload"]
            switch payload?["event_type"]?.stringValue {
            case "WORKFLOW_START":
                input = payload?["data"]?["input"]?.stringValue
                conversation = payload?["metadata"]?["provided_metadata"]?["conversation_id"]?.stringValue
            case "WORKFLOW_END": output = payload?["data"]?["output"]?.stringValue
            default: break
            }
        }
        return (try #require(input), try #require(output), try #require(conversation))
    }

    /// The span id MLflow shows for a scope: the last 16 hex digits of its uuid (docs/span-mapping.md).
    static func spanID(_ uuid: String) -> String {
        String(uuid.lowercased().filter(\.isHexDigit).suffix(16))
    }

    static func makeDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mlflow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// The recorded run `count` times, copy `first + i` with uuids and a trace id of its own: a trace file, its span
    /// count and its event count.
    static func runs(_ count: Int, first: Int, in directory: URL) throws -> (trace: URL, spans: Int, events: Int) {
        let text = try String(contentsOf: fixture, encoding: .utf8)
        let recorded = try RecordedToolkitTrace(contentsOf: fixture)
        try #require(recorded.scopes.allSatisfy { $0.uuid.hasPrefix("7f3c2a10-") })
        try #require(text.contains("5f2d8c1e9a7b4c3d"))
        var copies = ""
        for index in first..<(first + count) {
            let hex = String(format: "%08x", 0x1000_0000 + index)
            copies += text.replacingOccurrences(of: "7f3c2a10-", with: hex + "-")
                .replacingOccurrences(of: "5f2d8c1e9a7b4c3d", with: hex + "9a7b4c3d")
            if !copies.hasSuffix("\n") { copies += "\n" }
        }
        let file = directory.appendingPathComponent("runs-\(first)-\(count).jsonl")
        try copies.write(to: file, atomically: true, encoding: .utf8)
        let events = text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.count
        return (file, recorded.scopes.count * count, events * count)
    }
}
