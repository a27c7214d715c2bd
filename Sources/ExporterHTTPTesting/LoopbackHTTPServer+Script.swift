import ExporterHTTP
import Foundation

extension LoopbackHTTPServer {
    /// What the server does with one request.
    public enum Reply: Sendable, Hashable {
        /// Answers with `status`, `headers` (a `Content-Length` is added) and `body`, after `delay` if given.
        case response(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [], delay: Duration? = nil)
        /// Reads the request and never answers (until the client gives up or the server stops).
        case stall
        /// Closes the connection without answering.
        case closeConnection
        /// Sends the head of a response announcing `body` and its first `sentBytes` bytes, then resets the
        /// connection (TCP RST): a connection reset in the middle of the body.
        case resetMidBody(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8], sentBytes: Int)
        /// Sends the head at once and then `body` in pieces of `chunkSize` bytes, one every `interval`: a slow
        /// body.
        case slowBody(
            status: Int,
            headers: HTTPHeaders = HTTPHeaders(),
            body: [UInt8],
            chunkSize: Int,
            interval: Duration
        )
        /// Answers `status` with the request's header fields as the body, one `name: value` line each (as some
        /// servers' error pages do, credentials included), in `text/plain`.
        case echoHeaders(status: Int)

        /// A 200 whose `ExportTraceServiceResponse` carries `partial_success` with `rejectedSpans` and
        /// `errorMessage`, in protobuf (`application/x-protobuf`) or OTLP/JSON (`application/json`), written by
        /// hand here so that the code under test is not its own reference.
        public static func otlpPartialSuccess(rejectedSpans: Int64, errorMessage: String, json: Bool) -> Reply {
            if json {
                var message = ""
                for scalar in errorMessage.unicodeScalars {
                    switch scalar {
                    case "\"": message += "\\\""
                    case "\\": message += "\\\\"
                    case _ where scalar.value < 0x20: message += String(format: "\\u%04x", scalar.value)
                    default: message.unicodeScalars.append(scalar)
                    }
                }
                let body = #"{"partialSuccess":{"rejectedSpans":"\#(rejectedSpans)","errorMessage":"\#(message)"}}"#
                return .response(status: 200, headers: ["Content-Type": "application/json"], body: Array(body.utf8))
            }
            var inner: [UInt8] = []
            if rejectedSpans != 0 { inner += [0x08] + varint(UInt64(bitPattern: rejectedSpans)) }
            let text = Array(errorMessage.utf8)
            if !text.isEmpty { inner += [0x12] + varint(UInt64(text.count)) + text }
            let body: [UInt8] = [0x0A] + varint(UInt64(inner.count)) + inner
            return .response(status: 200, headers: ["Content-Type": "application/x-protobuf"], body: body)
        }

        private static func varint(_ value: UInt64) -> [UInt8] {
            var value = value
            var bytes: [UInt8] = []
            while value >= 0x80 {
                bytes.append(UInt8(value & 0x7F) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
            return bytes
        }

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
