import ExporterRuntime
import Tracing

/// The service side of the demo: one `POST /chat` request, handled by the weather agent, whose tool calls a weather
/// API. Only `withSpan` and the bootstrapped `Instrument` are used for the service's own spans and headers, as a
/// Hummingbird handler and AsyncHTTPClient would; the agent uses this runtime's instrumentation.
public enum ChatService {
    /// The question the request carries.
    public static let question = "What is the weather in Paris?"

    /// Handles the request: continues `traceParent` when the caller sent one (a malformed one starts a new
    /// trace, as W3C asks), and returns the `traceparent` header the weather API request would carry.
    public static func handle(traceParent: String?) async throws -> String {
        var context = ServiceContext.topLevel
        if let traceParent {
            InstrumentationSystem.instrument.extract(
                ["traceparent": traceParent],
                into: &context,
                using: HeaderExtractor()
            )
        }
        return try await withSpan("POST /chat", context: context, ofKind: .server) { span in
            span.attributes["http.request.method"] = "POST"
            span.attributes["url.path"] = "/chat"
            let header = try await WeatherAgent.answer(question)
            span.attributes["http.response.status_code"] = 200
            return header
        }
    }
}

/// A request's headers, as the service reads and writes them.
struct HeaderExtractor: Extractor {
    func extract(key: String, from carrier: [String: String]) -> String? { carrier[key] }
}

struct HeaderInjector: Injector {
    func inject(_ value: String, forKey key: String, into carrier: inout [String: String]) { carrier[key] = value }
}
