import Foundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An ``HTTPClient`` over one `URLSession`, so that connections to an endpoint are kept alive and reused
/// between requests.
///
/// Every request gets its own timeout, enforced by the client itself (the session's timeout only bounds idle
/// periods). The session is invalidated when the client goes away.
public final class URLSessionHTTPClient: HTTPClient {
    private let session: URLSession

    /// Creates a client with its own session.
    ///
    /// - Parameter maximumConnectionsPerHost: how many connections to one host the session keeps open at most.
    public init(maximumConnectionsPerHost: Int = 4) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = maximumConnectionsPerHost
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpShouldSetCookies = false
        configuration.httpCookieStorage = nil
        session = URLSession(configuration: configuration)
    }

    deinit {
        session.invalidateAndCancel()
    }

    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        try Task.checkCancellation()
        let endpoint = request.url.redactedDescription
        guard let scheme = request.url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw HTTPTransportError.invalidRequest(reason: "the URL scheme must be http or https", endpoint: endpoint)
        }
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        // The watchdog below enforces `timeout` exactly. The session's own timer is only a backstop: it works
        // in whole seconds on Linux (a sub-second interval fires at once), so it gets a rounded-up margin.
        urlRequest.timeoutInterval = timeout.secondsAsDouble.rounded(.up) + 1
        for field in request.headers {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        if !request.body.isEmpty {
            urlRequest.httpBody = Data(request.body)
        }

        // Whichever comes first — the response, the timeout or the caller's cancellation — resumes the caller.
        // URLSession may deliver a cancelled task's completion much later on a busy machine, so neither the
        // timeout nor a cancellation waits for it.
        let exchange = Exchange()
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            exchange.cancel(because: .timedOut)
        }
        defer { watchdog.cancel() }
        let session = self.session
        let outcome = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Exchange.Outcome, Never>) in
                let task = session.dataTask(with: urlRequest) { data, response, error in
                    exchange.finish(Self.result(data: data, response: response, error: error))
                }
                if exchange.begin(task, continuation: continuation) { task.resume() }
            }
        } onCancel: {
            exchange.cancel(because: .callerCancelled)
        }
        switch outcome {
        case .completed(.success(let response)):
            return response
        case .completed(.failure(let error)):
            throw Self.transportError(error, timeout: timeout, endpoint: endpoint)
        case .cancelled(.callerCancelled):
            throw CancellationError()
        case .cancelled(.timedOut):
            throw HTTPTransportError.timedOut(after: timeout, endpoint: endpoint)
        }
    }

    /// Converts what the completion handler got into values that may cross to the awaiting task.
    private static func result(
        data: Data?,
        response: URLResponse?,
        error: (any Error)?
    ) -> Result<HTTPResponse, any Error> {
        if let error { return .failure(error) }
        guard let http = response as? HTTPURLResponse else { return .failure(URLError(.badServerResponse)) }
        var headers = HTTPHeaders()
        for (name, value) in http.allHeaderFields {
            headers.add(name: "\(name)", value: "\(value)")
        }
        return .success(HTTPResponse(status: http.statusCode, headers: headers, body: data.map { [UInt8]($0) } ?? []))
    }

    /// Maps `URLError` codes onto the distinction the retry policy needs: connection failures and timeouts are
    /// retried, everything else is not.
    static func transportError(_ error: any Error, timeout: Duration, endpoint: String) -> HTTPTransportError {
        guard let urlError = error as? URLError else {
            return .other(reason: "\(type(of: error))", endpoint: endpoint)
        }
        switch urlError.code {
        case .cannotConnectToHost:
            return .connectionFailed(.refused, endpoint: endpoint)
        case .networkConnectionLost, .badServerResponse, .zeroByteResource, .cannotParseResponse:
            // An empty reply or a connection closed mid-response: the peer went away before answering.
            return .connectionFailed(.reset, endpoint: endpoint)
        case .cannotFindHost, .dnsLookupFailed:
            return .connectionFailed(.dns, endpoint: endpoint)
        case .notConnectedToInternet, .internationalRoamingOff, .dataNotAllowed:
            return .connectionFailed(.unreachable, endpoint: endpoint)
        case .timedOut:
            return .timedOut(after: timeout, endpoint: endpoint)
        case .badURL, .unsupportedURL:
            return .invalidRequest(reason: "URL error \(urlError.code.rawValue)", endpoint: endpoint)
        default:
            return .other(reason: "URL error \(urlError.code.rawValue)", endpoint: endpoint)
        }
    }

    /// One request's state shared between the completion handler, the watchdog and the cancellation handler:
    /// the first of them to finish the exchange resumes the caller, and the others find it finished.
    private final class Exchange: Sendable {
        enum Cancellation: Sendable {
            case timedOut
            case callerCancelled
        }

        enum Outcome: Sendable {
            case completed(Result<HTTPResponse, any Error>)
            case cancelled(Cancellation)
        }

        private struct State {
            var task: URLSessionDataTask?
            var continuation: CheckedContinuation<Outcome, Never>?
            var outcome: Outcome?
        }

        private let state = Mutex(State())

        /// Hands over the task and the waiting caller; returns `false` (and resumes the caller) when the exchange
        /// was cancelled before it began, in which case the task must not be started.
        func begin(_ task: URLSessionDataTask, continuation: CheckedContinuation<Outcome, Never>) -> Bool {
            let early: Outcome? = state.withLock { state in
                if let outcome = state.outcome { return outcome }
                state.task = task
                state.continuation = continuation
                return nil
            }
            guard let early else { return true }
            continuation.resume(returning: early)
            return false
        }

        /// Called by the completion handler.
        func finish(_ result: Result<HTTPResponse, any Error>) {
            resume(with: .completed(result))
        }

        /// Called by the watchdog or the caller's cancellation: cancels the task and resumes the caller at once.
        func cancel(because reason: Cancellation) {
            resume(with: .cancelled(reason))
        }

        private func resume(with outcome: Outcome) {
            let (continuation, task): (CheckedContinuation<Outcome, Never>?, URLSessionDataTask?) =
                state.withLock { state in
                    guard state.outcome == nil else { return (nil, nil) }
                    state.outcome = outcome
                    defer { state.continuation = nil }
                    return (state.continuation, state.task)
                }
            if case .cancelled = outcome { task?.cancel() }
            continuation?.resume(returning: outcome)
        }
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var secondsAsDouble: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
