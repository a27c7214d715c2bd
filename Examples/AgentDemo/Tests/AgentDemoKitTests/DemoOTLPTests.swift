import AgentDemoKit
import ExporterDiagnostics
import ExporterHTTPTesting
import ExporterOTLP
import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

/// The demo's spans as OTLP: what Phoenix or any collector receives.
@Suite("DemoOTLP")
struct DemoOTLPTests {
    @Test("OTLP spans have CLIENT kind for model and tool calls, session ids, tokens and the tool's error status")
    func otlpMapping() async throws {
        let demo = try await RecordedDemo.play()
        let body = try OTLPTraceEncoding(encoding: .json).encode(demo.spans)
        let request = try JSONValue(parsing: body)
        let resource = try #require(request["resourceSpans"]?.arrayValue?.first)
        let scope = try #require(resource["scopeSpans"]?.arrayValue?.first)
        let spans = try #require(scope["spans"]?.arrayValue)
        #expect(spans.count == demo.spans.count)

        let byID = Dictionary(uniqueKeysWithValues: demo.spans.map { ($0.spanID.description, $0) })
        for otlp in spans {
            let span = try #require(byID[otlp["spanId"]?.stringValue ?? ""])
            let attributes = Self.attributes(of: otlp)
            let kind = otlp["kind"]?.intValue
            switch span.category {
            case .llm:
                #expect(kind == 3 && attributes["openinference.span.kind"] == "LLM")
                #expect(attributes["llm.token_count.total"] == span.tokenUsage.map { String($0.totalTokens) })
                #expect(attributes["llm.input_messages.0.message.role"] == "system")
            case .tool:
                #expect(kind == 3 && attributes["openinference.span.kind"] == "TOOL")
                #expect(attributes["tool_call.id"] == span.toolCallID)
            default:
                #expect(kind == 1 && attributes["openinference.span.kind"] == "AGENT")
            }
            #expect(attributes["session.id"] == span.sessionID && attributes["user.id"] == span.userID)
            #expect(otlp["status"]?["code"]?.intValue == Int64(span.status.isError ? 2 : 1))
        }
    }

    @Test("--otlp-endpoint adds an otelcollector exporter that delivers every span to the endpoint")
    func otlpEndpointFlag() async throws {
        let directory = try TemporaryDirectory()
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        let endpoint = try #require(server.url(path: "/v1/traces")).absoluteString
        let configuration = try DemoExporters.workflow(
            at: bundledWorkflowPath,
            outputDirectory: directory.path,
            otlpEndpoint: endpoint,
            environment: [:]
        )
        #expect(configuration.exporters.map(\.name).last == "otlp")

        let report = try await DemoRun.play(agent: SupportAgent(modelLatency: .zero), configuration: configuration)
        #expect(report.problems.isEmpty, "\(report.problems)")
        let otlp = try #require(report.reports.first { $0.exporter == "otlp" })
        let steps = try #require(report.reports.first { $0.exporter == "steps" })
        #expect(otlp.statistics.received == steps.statistics.received)
        #expect(!server.requests.isEmpty)
        #expect(server.requests.allSatisfy { $0.path == "/v1/traces" && $0.method == "POST" })
        // Every span the file exporter wrote went out: its 8-byte id is in a request body (protobuf, no gzip).
        let bodies = server.requests.map(\.body)
        for span in try jsonLines(directory.file("spans.jsonl")) {
            let id = try #require(span["span_id"]?.stringValue.flatMap(SpanID.init(hex:)))
            let bytes = (0..<8).reversed().map { UInt8(truncatingIfNeeded: id.value >> (8 * UInt64($0))) }
            #expect(bodies.contains { $0.contains(bytes) }, "span \(id) was not sent")
        }
        #expect(report.destinations.last?.target == .endpoint(endpoint))
    }

    @Test("an unusable --otlp-endpoint is reported against the flag, not a line of a file")
    func badEndpoint() throws {
        let directory = try TemporaryDirectory()
        let error = #expect(throws: DiagnosticError.self) {
            try DemoExporters.workflow(
                at: bundledWorkflowPath,
                outputDirectory: directory.path,
                otlpEndpoint: "localhost:6006",
                environment: [:]
            )
        }
        let diagnostic = try #require(error?.diagnostics.first)
        #expect(diagnostic.location == nil)
        #expect(diagnostic.message.hasPrefix("--otlp-endpoint 'localhost:6006': 'endpoint' must be an absolute"))
    }

    /// A span's string and integer attributes by key (integers as their decimal text, as OTLP/JSON writes them).
    static func attributes(of span: JSONValue) -> [String: String] {
        var attributes: [String: String] = [:]
        for attribute in span["attributes"]?.arrayValue ?? [] {
            guard let key = attribute["key"]?.stringValue, let value = attribute["value"] else { continue }
            attributes[key] = value["stringValue"]?.stringValue ?? value["intValue"]?.stringValue
        }
        return attributes
    }
}
