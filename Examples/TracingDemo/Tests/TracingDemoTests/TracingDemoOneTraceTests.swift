import ExporterHTTPTesting
import ExporterOTLP
import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

/// Runs the built `tracing-demo` against a loopback OTLP receiver: the request, the agent run, its model and tool
/// calls and the tool's client span arrive as one trace, each span with its kind and parent.
@Suite("TracingDemo one trace", .serialized)
struct TracingDemoOneTraceTests {
    static let callerTrace = "4bf92f3577b34da6a3ce929d0e0e4736"
    static let callerSpan = "00f067aa0ba902b7"

    @Test("with --traceparent: one trace continuing the caller's, printed traceparent naming the client span")
    func continuesCallerTrace() async throws {
        let run = try await DemoRun.start(traceParent: "00-\(Self.callerTrace)-\(Self.callerSpan)-01")
        #expect(run.status == 0, "\(run.output)")
        let spans = try run.spansByName()
        #expect(
            spans.keys.sorted() == [
                "GET weather-api", "POST /chat", "demo-weather-model", "get_weather", "weather_agent",
            ]
        )
        let server = try #require(spans["POST /chat"])
        let agent = try #require(spans["weather_agent"])
        let llm = try #require(spans["demo-weather-model"])
        let tool = try #require(spans["get_weather"])
        let client = try #require(spans["GET weather-api"])
        // OTLP kinds: 1 internal, 2 server, 3 client.
        #expect(server.kind == 2 && agent.kind == 1 && llm.kind == 3 && tool.kind == 3 && client.kind == 3)
        #expect(server.parent == Self.callerSpan)
        #expect(agent.parent == server.id)
        #expect(llm.parent == agent.id && tool.parent == agent.id)
        #expect(client.parent == tool.id)
        #expect(Set(spans.values.map(\.trace)) == [Self.callerTrace])
        #expect(agent.attributes["openinference.span.kind"] == "AGENT")
        #expect(llm.attributes["llm.token_count.prompt"] == "18")
        #expect(server.attributes["http.response.status_code"] == "200")
        #expect(server.attributes["openinference.span.kind"] == nil)
        #expect(run.printedTraceParent == "00-\(Self.callerTrace)-\(client.id)-01")
    }

    @Test("without --traceparent: a trace of its own, rooted at the server span")
    func newTrace() async throws {
        let run = try await DemoRun.start(traceParent: nil)
        #expect(run.status == 0, "\(run.output)")
        let spans = try run.spansByName()
        let server = try #require(spans["POST /chat"])
        let client = try #require(spans["GET weather-api"])
        #expect(spans.count == 5)
        #expect(server.parent == nil)
        #expect(server.trace != Self.callerTrace)
        #expect(Set(spans.values.map(\.trace)) == [server.trace])
        #expect(run.printedTraceParent == "00-\(server.trace)-\(client.id)-01")
    }

    @Test("a malformed --traceparent is not continued: the request starts a trace of its own")
    func malformedTraceParent() async throws {
        let run = try await DemoRun.start(traceParent: "00-\(Self.callerTrace)-not-a-span-id-01")
        #expect(run.status == 0, "\(run.output)")
        let server = try #require(try run.spansByName()["POST /chat"])
        #expect(server.parent == nil && server.trace != Self.callerTrace)
    }

    @Test("an invalid workflow file exits 2 naming the file, line and column")
    func invalidWorkflow() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tracing-demo-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let workflow = directory.appendingPathComponent("workflow.yml")
        try "general:\n  telemetry:\n    tracing:\n      otlp:\n        _type: otelcolector\n".write(
            to: workflow,
            atomically: true,
            encoding: .utf8
        )
        let outcome = try await ChildProcess.run(try DemoRun.executable(), ["--config", workflow.path])
        #expect(outcome.status == 2)
        #expect(outcome.output.contains("workflow.yml:5:"), "\(outcome.output)")
    }
}

/// One run of the demo's executable against a fresh loopback receiver.
struct DemoRun {
    var status: Int32
    var output: String
    var bodies: [[UInt8]]

    struct ReceivedSpan {
        var trace: String
        var id: String
        var parent: String?
        var kind: Int64
        var attributes: [String: String]
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func start(traceParent: String?) async throws -> DemoRun {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        let endpoint = try #require(server.url(path: "/v1/traces")).absoluteString
        var arguments = ["--config", bundledWorkflowPath]
        if let traceParent { arguments += ["--traceparent", traceParent] }
        let outcome = try await ChildProcess.run(
            try executable(),
            arguments,
            environment: ["TRACING_DEMO_OTLP_ENDPOINT": endpoint]
        )
        return DemoRun(status: outcome.status, output: outcome.output, bodies: server.requests.map(\.body))
    }

    /// The `traceparent: …` line the demo printed.
    var printedTraceParent: String? {
        output.split(separator: "\n").first { $0.hasPrefix("traceparent: ") }.map { String($0.dropFirst(13)) }
    }

    /// Every span received, by name (each name once).
    func spansByName() throws -> [String: ReceivedSpan] {
        var spans: [String: ReceivedSpan] = [:]
        for body in bodies {
            let request = try JSONValue(
                parsing: Array(try OTLPTraceRequestSummary(body: body, encoding: .protobuf).json.utf8)
            )
            for resource in request["resourceSpans"]?.arrayValue ?? [] {
                for scope in resource["scopeSpans"]?.arrayValue ?? [] {
                    for span in scope["spans"]?.arrayValue ?? [] {
                        let name = span["name"]?.stringValue ?? ""
                        guard spans[name] == nil else { throw Failure(description: "span \(name) received twice") }
                        var attributes: [String: String] = [:]
                        for attribute in span["attributes"]?.arrayValue ?? [] {
                            guard let key = attribute["key"]?.stringValue, let value = attribute["value"] else {
                                continue
                            }
                            attributes[key] = value["stringValue"]?.stringValue ?? value["intValue"]?.stringValue
                        }
                        spans[name] = ReceivedSpan(
                            trace: span["traceId"]?.stringValue ?? "",
                            id: span["spanId"]?.stringValue ?? "",
                            parent: span["parentSpanId"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 },
                            kind: span["kind"]?.intValue ?? 0,
                            attributes: attributes
                        )
                    }
                }
            }
        }
        return spans
    }

    /// The `tracing-demo` executable that `swift build` put next to the test binary (`TRACING_DEMO_BINARY` overrides).
    static func executable() throws -> String {
        if let path = ProcessInfo.processInfo.environment["TRACING_DEMO_BINARY"], !path.isEmpty { return path }
        let testBinary = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var directory = testBinary.deletingLastPathComponent()
        // On Linux the test binary sits in the products directory; a bundle (`….xctest/Contents/MacOS`) is deeper.
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("tracing-demo").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw Failure(
            description: "no tracing-demo next to \(testBinary.path); run swift build or set TRACING_DEMO_BINARY"
        )
    }

    /// The demo's own workflow file (its endpoint comes from TRACING_DEMO_OTLP_ENDPOINT).
    static var bundledWorkflowPath: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // TracingDemoTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // the package
            .appendingPathComponent("workflow.yml").path
    }
}
