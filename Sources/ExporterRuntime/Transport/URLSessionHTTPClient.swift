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

        let exchange = Exchange()
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            exchange.cancel(because: .timedOut)
        }
        defer { watchdog.cancel() }
        let session = self.session
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation {
                (continuation: CheckedContinuation<Result<HTTPResponse, any Error>, Never>) in
                let task = session.dataTask(with: urlRequest) { data, response, error in
                    continuation.resume(returning: Self.result(data: data, response: response, error: error))
                }
                exchange.begin(task)
                task.resume()
            }
        } onCancel: {
            exchange.cancel(because: .callerCancelled)
        }
        switch result {
        case .success(let response):
            return response
        case .failure(let error):
            switch exchange.cancellation {
            case .callerCancelled: throw CancellationError()
            case .timedOut: throw HTTPTransportError.timedOut(after: timeout, endpoint: endpoint)
            case nil: throw Self.transportError(error, timeout: timeout, endpoint: endpoint)
            }
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
    /// whichever cancels first decides how a cancelled task is reported.
    private final class Exchange: Sendable {
        enum Cancellation: Sendable {
            case timedOut
            case callerCancelled
        }

        private struct State {
            var task: URLSessionDataTask?
            var cancellation: Cancellation?
        }

        private let state = Mutex(State())

        var cancellation: Cancellation? { state.withLock { $0.cancellation } }

        func begin(_ task: URLSessionDataTask) {
            state.withLock { state in
                state.task = task
                if state.cancellation != nil { task.cancel() }
            }
        }

        func cancel(because reason: Cancellation) {
            // Cancelling only flags the task (its completion handler runs later, elsewhere), so it is safe
            // under the lock.
            state.withLock { state in
                guard state.cancellation == nil else { return }
                state.cancellation = reason
                state.task?.cancel()
            }
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
