import ExporterHTTP

extension LoopbackHTTPServer {
    /// What the server does with one request.
    public enum Reply: Sendable, Hashable {
        /// Answers with `status`, `headers` (a `Content-Length` is added) and `body`, after `delay` if given.
        case response(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [], delay: Duration? = nil)
        /// Reads the request and never answers (until the client gives up or the server stops).
        case stall
        /// Closes the connection without answering.
        case closeConnection

        /// A response with a text body.
        public static func status(
            _ status: Int,
            headers: HTTPHeaders = HTTPHeaders(),
            body: String = "",
            delay: Duration? = nil
        ) -> Reply {
            .response(status: status, headers: headers, body: Array(body.utf8), delay: delay)
        }
    }

    /// A request as the server received it.
    public struct RecordedRequest: Sendable, Hashable {
        /// The method.
        public var method: String
        /// The request target (`/v1/traces?x=1`).
        public var target: String
        /// The header fields, in order.
        public var headers: HTTPHeaders
        /// The body (de-chunked when it came chunked).
        public var body: [UInt8]
        /// Which accepted connection it came on (from 1), to observe connection reuse.
        public var connection: Int

        /// The target without its query.
        public var path: Substring {
            target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        }
    }

    /// Why the server could not start.
    public struct StartError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The system call that failed.
        public var operation: String
        /// Its `errno`.
        public var code: Int32

        public var description: String { "loopback HTTP server: \(operation) failed (errno \(code))" }
    }
}
