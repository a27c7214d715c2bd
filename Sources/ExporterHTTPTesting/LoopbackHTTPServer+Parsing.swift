import ExporterHTTP
import Foundation

/// An HTTP/1.1 request head and body read from a connection's bytes.
struct ParsedRequest {
    var method: String
    var target: String
    var headers: HTTPHeaders
    var body: [UInt8]
    /// Bytes of the input it used.
    var consumed: Int

    /// The outcome of looking for one request at the start of a buffer.
    enum Outcome {
        /// More bytes are needed; `expectsContinue` is true when the head is complete and asks for
        /// `100 Continue` before the body.
        case incomplete(expectsContinue: Bool)
        case complete(ParsedRequest)
        case malformed(String)
    }

    static let maximumHeadSize = 64 * 1024

    static func parse(_ bytes: [UInt8]) -> Outcome {
        guard let headEnd = find([13, 10, 13, 10], in: bytes, from: 0) else {
            return bytes.count > maximumHeadSize
                ? .malformed("request head too large") : .incomplete(expectsContinue: false)
        }
        let head = String(decoding: bytes[..<headEnd], as: UTF8.self)
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)[...]
        guard let requestLine = lines.popFirst() else { return .malformed("empty request") }
        let parts = requestLine.split(separator: " ")
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { return .malformed("bad request line") }
        var headers = HTTPHeaders()
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { return .malformed("bad header line") }
            let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            headers.add(
                name: String(line[..<colon]),
                value: String(value.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
            )
        }
        let bodyStart = headEnd + 4
        let expectsContinue = headers["Expect"]?.lowercased() == "100-continue"
        var request = ParsedRequest(
            method: String(parts[0]),
            target: String(parts[1]),
            headers: headers,
            body: [],
            consumed: 0
        )
        if headers["Transfer-Encoding"]?.lowercased().contains("chunked") == true {
            switch dechunk(bytes, from: bodyStart) {
            case .incomplete: return .incomplete(expectsContinue: expectsContinue)
            case .malformed(let reason): return .malformed(reason)
            case .complete(let body, let end):
                request.body = body
                request.consumed = end
                return .complete(request)
            }
        }
        let length: Int
        if let declared = headers["Content-Length"] {
            guard let value = Int(declared), value >= 0 else { return .malformed("bad Content-Length") }
            length = value
        } else {
            length = 0
        }
        guard bytes.count - bodyStart >= length else { return .incomplete(expectsContinue: expectsContinue) }
        request.body = Array(bytes[bodyStart..<bodyStart + length])
        request.consumed = bodyStart + length
        return .complete(request)
    }

    private enum Dechunked {
        case incomplete
        case malformed(String)
        case complete(body: [UInt8], end: Int)
    }

    /// Decodes a chunked body (RFC 9112 §7.1), skipping chunk extensions and trailers.
    private static func dechunk(_ bytes: [UInt8], from start: Int) -> Dechunked {
        var body: [UInt8] = []
        var index = start
        while true {
            guard let lineEnd = find([13, 10], in: bytes, from: index) else { return .incomplete }
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self)
                .split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)[0]
                .trimmingCharacters(in: .whitespaces)
            guard let size = Int(sizeText, radix: 16), size >= 0 else { return .malformed("bad chunk size") }
            index = lineEnd + 2
            if size == 0 {
                // Trailer fields, then an empty line.
                while true {
                    guard let trailerEnd = find([13, 10], in: bytes, from: index) else { return .incomplete }
                    let isEmpty = trailerEnd == index
                    index = trailerEnd + 2
                    if isEmpty { return .complete(body: body, end: index) }
                }
            }
            guard bytes.count - index >= size + 2 else { return .incomplete }
            body += bytes[index..<index + size]
            guard bytes[index + size] == 13, bytes[index + size + 1] == 10 else { return .malformed("bad chunk end") }
            index += size + 2
        }
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == needle[0], bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

extension LoopbackHTTPServer.Reply {
    /// The response bytes and whether the connection closes after them; nil for replies that send nothing.
    func serialized(closing: Bool) -> [UInt8]? {
        guard case .response(let status, let headers, let body, _) = self else { return nil }
        return Self.head(status: status, headers: headers, contentLength: body.count, closing: closing) + body
    }

    /// The status line and header fields of a response whose body is `contentLength` bytes.
    static func head(status: Int, headers: HTTPHeaders, contentLength: Int, closing: Bool) -> [UInt8] {
        var text = "HTTP/1.1 \(status) \(Self.reasonPhrase(status))\r\n"
        for field in headers where !HTTPHeaders.Field.isFraming(field.name) {
            text += "\(field.name): \(field.value)\r\n"
        }
        text += "Content-Length: \(contentLength)\r\n"
        text += closing ? "Connection: close\r\n" : "Connection: keep-alive\r\n"
        text += "\r\n"
        return Array(text.utf8)
    }

    private static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 202: "Accepted"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 413: "Content Too Large"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status"
        }
    }
}

extension HTTPHeaders.Field {
    /// Fields the server sets itself, so that a scripted response cannot contradict its own framing.
    static func isFraming(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered == "content-length" || lowered == "connection" || lowered == "transfer-encoding"
    }
}
