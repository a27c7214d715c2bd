import ExporterEvents
import ExporterTracing
import Testing
import Tracing

/// W3C Trace Context through the tracer's `Instrument` side: extract continues the caller's trace, inject writes
/// the current span, ours or a library's.
@Suite("RuntimeTracer W3C trace context", .serialized)
struct RuntimeTracerW3CTests {
    let tracer = RuntimeTracer()
    static let callerTrace = "4bf92f3577b34da6a3ce929d0e0e4736"
    static let callerSpan = "00f067aa0ba902b7"
    static let traceParent = "00-\(callerTrace)-\(callerSpan)-01"

    func extracted(_ headers: [String: String]) -> ServiceContext {
        var context = ServiceContext.topLevel
        tracer.extract(headers, into: &context, using: HeaderExtractor())
        return context
    }

    @Test("a server span continues the extracted traceparent; a tool call's client span injects its own id")
    func continueAndInject() async throws {
        let context = extracted(["traceparent": Self.traceParent, "tracestate": "vendor=opaque"])
        var injected: [String: String] = [:]
        let run = try await TracedRun.record {
            await tracer.withSpan("POST /chat", context: context, ofKind: .server) { _ in
                await Instrument.agent("weather_agent") { _ in
                    await Instrument.tool("get_weather", arguments: [:]) { _ in
                        tracer.withSpan("GET weather-api", ofKind: .client) { span in
                            tracer.inject(span.context, into: &injected, using: HeaderInjector())
                        }
                    }
                }
            }
        }
        let server = try run.span("POST /chat")
        let client = try run.span("GET weather-api")
        #expect(server.traceID.description == Self.callerTrace)
        #expect(server.parentSpanID?.description == Self.callerSpan)
        #expect(Set(run.spans.map { $0.traceID.description }) == [Self.callerTrace])
        #expect(injected["traceparent"] == "00-\(Self.callerTrace)-\(client.spanID)-01")
        #expect(injected["tracestate"] == "vendor=opaque")
    }

    @Test("inside a tool call, the current ServiceContext injects the tool's span")
    func injectOurScope() async throws {
        var injected: [String: String] = [:]
        let run = try await TracedRun.record {
            await Instrument.agent("weather_agent") { _ in
                await Instrument.tool("get_weather", arguments: [:]) { _ in
                    tracer.inject(ServiceContext.current ?? .topLevel, into: &injected, using: HeaderInjector())
                }
            }
        }
        let tool = try run.span("get_weather")
        #expect(injected == ["traceparent": "00-\(tool.traceID)-\(tool.spanID)-01"])
    }

    @Test("an agent run started straight from an extracted context continues the caller's trace")
    func agentContinuesRemoteParent() async throws {
        let context = extracted(["traceparent": Self.traceParent])
        let run = try await TracedRun.record {
            await ServiceContext.withValue(context) {
                await Instrument.agent("weather_agent") { _ in
                    await Instrument.tool("get_weather", arguments: [:]) { _ in }
                }
            }
        }
        let agent = try run.span("weather_agent")
        #expect(agent.traceID.description == Self.callerTrace)
        #expect(agent.parentSpanID?.description == Self.callerSpan)
        #expect(agent.tracerFields == nil)
        #expect(try run.span("get_weather").traceID == agent.traceID)
    }

    @Test(
        "a malformed traceparent is not continued: the request starts a trace of its own",
        arguments: [
            "00-\(callerTrace)-\(callerSpan)",  // no flags
            "00-00000000000000000000000000000000-\(callerSpan)-01",  // all-zero trace id
            "00-\(callerTrace)-0000000000000000-01",  // all-zero span id
            "00-\(callerTrace)-\(callerSpan)-0g",  // flags not hex
            "not a header",
        ]
    )
    func malformedTraceParent(header: String) {
        var injected: [String: String] = [:]
        tracer.inject(extracted(["traceparent": header]), into: &injected, using: HeaderInjector())
        #expect(injected.isEmpty)
    }

    @Test("a malformed tracestate leaves the traceparent in force")
    func malformedTraceState() {
        var injected: [String: String] = [:]
        let context = extracted(["traceparent": Self.traceParent, "tracestate": "no-equals-sign"])
        tracer.inject(context, into: &injected, using: HeaderInjector())
        #expect(injected == ["traceparent": Self.traceParent])
    }

    @Test("a context with no span injects nothing")
    func nothingToInject() {
        var injected: [String: String] = [:]
        tracer.inject(.topLevel, into: &injected, using: HeaderInjector())
        #expect(injected.isEmpty)
    }
}
