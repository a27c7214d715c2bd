import Foundation

/// An HTTP request as the transport sends it.
///
/// Its description names the method, the endpoint without credentials or query, the header names and the body
/// size: never header values or the body, which may carry secrets.
public struct HTTPRequest: Sendable, CustomStringConvertible {
    /// The method (`POST`, `PUT`, ...).
    public var method: String
    /// Where it goes.
    public var url: URL
    /// The header fields, in order.
    public var headers: HTTPHeaders
    /// The body.
    public var body: [UInt8]

    /// Creates a request.
    public init(method: String = "POST", url: URL, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    public var description: String {
        "\(method) \(url.redactedDescription) headers=\(headers) body=\(body.count) bytes"
    }
}

/// An HTTP response as the transport received it.
public struct HTTPResponse: Sendable, CustomStringConvertible {
    /// The status code.
    public var status: Int
    /// The header fields, looked up case-insensitively.
    public var headers: HTTPHeaders
    /// The body.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// True for 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    public var description: String {
        "HTTP \(status) headers=\(headers) body=\(body.count) bytes"
    }
}

extension URL {
    /// The URL without user info, query or fragment: safe to log, since API keys sometimes travel in the query
    /// and passwords in the user info.
    public var redactedDescription: String {
        guard var components = URLComponents(url: self, resolvingAgainstBaseURL: false) else {
            return "<unparsable URL>"
        }
        components.user = nil
        components.password = nil
        components.query = nil
        components.fragment = nil
        return components.string ?? "<unparsable URL>"
    }
}
