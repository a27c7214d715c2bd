import ExporterRuntime
import Tracing

/// The agent: one model call (scripted, with token counts) that asks for the `get_weather` tool, and the tool, which
/// calls the weather API in a client span of its own. Both answer from a script after a short pause.
enum WeatherAgent {
    static let model = "demo-weather-model"
    /// How long the scripted model and the weather API take to answer.
    static let latency = Duration.milliseconds(2)

    /// Answers `question`; returns the `traceparent` the weather API request carries.
    static func answer(_ question: String) async throws -> String {
        try await Instrument.agent("weather_agent", input: .string(question)) { agent in
            try await Instrument.llm(model: model, provider: "demo", messages: [.user(question)]) { call in
                try await Task.sleep(for: latency)
                call.finish(output: "get_weather(city: Paris)", usage: TokenUsage(prompt: 18, completion: 6))
            }
            let header = try await Instrument.tool(
                "get_weather",
                toolCallID: "call_1",
                arguments: ["city": "Paris"]
            ) { tool in
                let (forecast, header) = try await fetchForecast(city: "Paris")
                tool.setOutput(.string(forecast))
                return header
            }
            agent.setOutput(.string("It is 18 °C with light rain in Paris."))
            return header
        }
    }

    /// The weather API call, as AsyncHTTPClient would trace it: a client span whose context goes out in the request
    /// headers. No request is sent: the demo needs no network beyond its exporters.
    static func fetchForecast(city: String) async throws -> (forecast: String, traceParent: String) {
        try await withSpan("GET weather-api", ofKind: .client) { span in
            try await Task.sleep(for: latency)
            var headers: [String: String] = [:]
            InstrumentationSystem.instrument.inject(span.context, into: &headers, using: HeaderInjector())
            span.attributes["http.request.method"] = "GET"
            span.attributes["server.address"] = "weather-api"
            span.attributes["url.query"] = "city=\(city)"
            span.attributes["http.response.status_code"] = 200
            return ("18 °C, light rain", headers["traceparent"] ?? "")
        }
    }
}
