import ExporterOTLP
import ExporterRuntime
import ExporterRuntimeTesting
import ExporterTracing
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Testing
import Tracing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Hummingbird's server span is the parent of the agent run its handler starts, continues the caller's
/// `traceparent`, and a `withSpan` inside the agent's tool call is the tool's child: one trace, over a real socket.
@Suite("Hummingbird through the tracing bridge")
struct HummingbirdBridgeTests {
    static let callerTrace = "4bf92f3577b34da6a3ce929d0e0e4736"
    static let callerSpan = "00f067aa0ba902b7"

    /// `InstrumentationSystem.bootstrap` may run once per process.
    static let bootstrapped: Bool = {
        InstrumentationSystem.bootstrap(RuntimeTracer())
        return true
    }()

    @Test("TracingMiddleware's server span → agent → tool → client span, in the caller's trace")
    func oneTrace() async throws {
        #expect(Self.bootstrapped)
        let collector = CollectingSubscriber()
        let hub = EventHub()
        try hub.register("collector", collector)

        let router = Router()
        router.middlewares.add(TracingMiddleware())
        router.post("/chat") { _, _ -> String in
            try await Instrument.agent("weather_agent") { _ in
                try await Instrument.tool("get_weather", arguments: ["city": "Paris"]) { _ in
                    try await withSpan("GET weather-api", ofKind: .client) { _ in
                        try await Task.sleep(for: .milliseconds(1))
                        return "18 °C"
                    }
                }
            }
        }
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portSink.yield(channel.localAddress?.port ?? 0)
                portSink.finish()
            }
        )
        // The server's request tasks inherit the hub bound around it, as in an ExporterManager run.
        let services = ServiceGroup(services: [app], gracefulShutdownSignals: [], logger: Logger(label: "test"))
        let server = Task { try await hub.bind { try await services.run() } }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())

        var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)/chat")))
        request.httpMethod = "POST"
        request.setValue("00-\(Self.callerTrace)-\(Self.callerSpan)-01", forHTTPHeaderField: "traceparent")
        let (body, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: body, as: UTF8.self) == "18 °C")
        await services.triggerGracefulShutdown()
        try await server.value

        var builder = SpanBuilder()
        var spans: [ExporterEvents.Span] = []
        for event in collector.events { try await builder.process(event) { spans.append($0) } }
        let otlp = try JSONValue(parsing: try OTLPTraceEncoding(encoding: .json).encode(spans))
        var byName: [String: JSONValue] = [:]
        for resource in otlp["resourceSpans"]?.arrayValue ?? [] {
            for scope in resource["scopeSpans"]?.arrayValue ?? [] {
                for span in scope["spans"]?.arrayValue ?? [] { byName[span["name"]?.stringValue ?? ""] = span }
            }
        }
        // Hummingbird renames its span to the route once routed: the exported name is the one at the end.
        #expect(byName.keys.sorted() == ["/chat", "GET weather-api", "get_weather", "weather_agent"])
        let serverSpan = try #require(byName["/chat"])
        let agent = try #require(byName["weather_agent"])
        let tool = try #require(byName["get_weather"])
        let client = try #require(byName["GET weather-api"])
        #expect(serverSpan["kind"]?.intValue == 2 && client["kind"]?.intValue == 3)
        #expect(serverSpan["parentSpanId"]?.stringValue == Self.callerSpan)
        #expect(agent["parentSpanId"]?.stringValue == serverSpan["spanId"]?.stringValue)
        #expect(tool["parentSpanId"]?.stringValue == agent["spanId"]?.stringValue)
        #expect(client["parentSpanId"]?.stringValue == tool["spanId"]?.stringValue)
        #expect(Set(byName.values.compactMap { $0["traceId"]?.stringValue }) == [Self.callerTrace])
        let attributes = (serverSpan["attributes"]?.arrayValue ?? []).compactMap { $0["key"]?.stringValue }
        #expect(attributes.contains("http.request.method"))
        #expect(!attributes.contains("openinference.span.kind"))
    }
}
