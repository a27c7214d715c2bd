import ExporterRuntime
import Foundation
import Testing

/// `scaffold replay` into a real Arize Phoenix (`arize-phoenix==20.26.1`), read back through Phoenix's REST API.
///
/// Runs only when `PHOENIX_PYTHON` names the python of `Scripts/phoenix-venv.sh`; each test starts its own Phoenix
/// (10-15 s on an idle machine, minutes on a saturated one: hence the generous limit, which only bounds a hang) in
/// private network and PID namespaces through `Scripts/phoenix-run.sh`, which stops it and deletes its data
/// afterwards.
@Suite(
    "Phoenix",
    .enabled(if: PhoenixHarness.python != nil, "set PHOENIX_PYTHON to the python of Scripts/phoenix-venv.sh"),
    .timeLimit(.minutes(10))
)
struct PhoenixIntegrationTests {
    static let fixture = PhoenixHarness.packageRoot
        .appendingPathComponent("Tests/ExporterRuntimeTests/Fixtures/toolkit-trace.jsonl")

    /// `openinference.span.kind` for each toolkit step family, as docs/span-mapping.md maps the categories the
    /// toolkit's event types decode to (`WORKFLOW` is an agent; `SPAN`, `TTC` and `CUSTOM` are custom categories).
    static let openInferenceKind = [
        "WORKFLOW": "AGENT", "FUNCTION": "CHAIN", "LLM": "LLM", "TOOL": "TOOL", "TASK": "CHAIN", "SPAN": "CHAIN",
        "TTC": "CHAIN", "CUSTOM": "CHAIN",
    ]

    @Test("a replayed toolkit trace is stored with its names, parent links, span kinds, token counts and models")
    func replayedTraceIsStoredAsRecorded() async throws {
        let trace = try RecordedToolkitTrace(contentsOf: Self.fixture)
        try #require(trace.scopes.contains { $0.family == "LLM" && $0.totalTokens != nil })
        try #require(trace.scopes.contains { $0.family == "TOOL" } && trace.scopes.contains { $0.family == "WORKFLOW" })

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("phoenix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let project = "scaffold-replay"
        let config = directory.appendingPathComponent("workflow.yml")
        // PHOENIX_OTLP_ENDPOINT is set by phoenix-run.sh inside Phoenix's namespace.
        try """
        general:
          telemetry:
            tracing:
              phoenix:
                _type: otelcollector
                endpoint: ${PHOENIX_OTLP_ENDPOINT}
                project: \(project)
                encoding: protobuf
        """.write(to: config, atomically: true, encoding: .utf8)

        // The command notes its network namespace first, to prove below that it (and so the Phoenix it reached on
        // 127.0.0.1) ran in one of its own.
        let run = try await PhoenixHarness.run(
            [
                "/bin/sh", "-c", "readlink /proc/self/ns/net > netns && exec \"$0\" \"$@\"",
                try PhoenixHarness.scaffoldExecutable(), "replay", Self.fixture.path, "--config", config.path,
                "--quiet",
            ],
            projects: [project],
            expectedSpans: trace.scopes.count,
            in: directory
        )
        let ourNamespace = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/ns/net")
        let theirNamespace = try String(contentsOf: directory.appendingPathComponent("netns"), encoding: .utf8)
        #expect(theirNamespace.trimmingCharacters(in: .whitespacesAndNewlines) != ourNamespace)

        let stored = try #require(run.spans[project])
        #expect(stored.count == trace.scopes.count, "\(stored.map(\.name))")
        var byUUID: [String: PhoenixSpan] = [:]
        for span in stored {
            let uuid = try #require(span.attributes["nat.uuid"]?.stringValue, "\(span.name) has no nat.uuid")
            #expect(byUUID.updateValue(span, forKey: uuid) == nil, "two spans for \(uuid)")
        }

        let root = try #require(trace.scopes.first { $0.parentUUID == nil })
        // The run's own trace id when its WORKFLOW_START names one (the recorded trace does), as in the toolkit.
        let traceID = root.workflowTraceID ?? Self.hex(root.uuid)
        #expect(root.workflowTraceID != nil, "the recorded trace names its run's trace id")
        for scope in trace.scopes {
            let span = try #require(byUUID[scope.uuid], "no span stored for \(scope.family) \(scope.name)")
            #expect(span.name == scope.name)
            #expect(span.traceID == traceID, "\(scope.name): every span joins the root's trace")
            #expect(span.spanID == String(Self.hex(scope.uuid).suffix(16)), "\(scope.name): span id from its uuid")
            if let parentUUID = scope.parentUUID {
                let parent = try #require(byUUID[parentUUID], "\(scope.name): parent \(parentUUID) not stored")
                #expect(span.parentID == parent.spanID, "\(scope.name) hangs under \(parent.name)")
            } else {
                #expect(span.parentID == nil, "\(scope.name) is the root")
            }
            let kind = try #require(Self.openInferenceKind[scope.family], "unknown step family \(scope.family)")
            #expect(span.spanKind == kind, "\(scope.name)")
            #expect(span.attributes["llm.model_name"]?.stringValue == scope.modelName, "\(scope.name)")
            #expect(span.attributes["llm.token_count.prompt"]?.intValue == scope.promptTokens, "\(scope.name)")
            #expect(span.attributes["llm.token_count.completion"]?.intValue == scope.completionTokens)
            #expect(span.attributes["llm.token_count.total"]?.intValue == scope.totalTokens, "\(scope.name)")
            #expect(
                span.attributes["llm.token_count.prompt_details.cache_read"]?.intValue
                    == scope.cachedTokens.flatMap { $0 > 0 ? $0 : nil }
            )
            #expect(
                span.attributes["llm.token_count.completion_details.reasoning"]?.intValue
                    == scope.reasoningTokens.flatMap { $0 > 0 ? $0 : nil }
            )
        }
    }

    /// The 32 hex digits of a UUID string, lowercased: the trace id of a root, whose last 16 are a span id.
    static func hex(_ uuid: String) -> String {
        uuid.lowercased().filter(\.isHexDigit)
    }
}
