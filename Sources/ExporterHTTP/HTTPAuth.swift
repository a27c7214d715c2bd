import ExporterCore
import Foundation

/// How requests authenticate. Every credential is a ``Secret``; the headers it produces carry the secret and
/// must never be logged (``HTTPHeaders`` prints names only).
public enum HTTPAuth: Sendable, Hashable, CustomStringConvertible {
    /// No authentication.
    case none
    /// `Authorization: Bearer <token>`.
    case bearer(Secret)
    /// `Authorization: Basic base64(user:password)` (RFC 7617).
    case basic(user: String, password: Secret)
    /// A custom header carrying an API key (`x-api-key: <key>`, `api_key: <key>`, ...).
    case apiKeyHeader(name: String, value: Secret)

    /// Sets the header this authentication needs on `request`, replacing any field of the same name.
    public func apply(to request: inout HTTPRequest) {
        guard let field = headerField else { return }
        request.headers.set(name: field.name, value: field.value)
    }

    /// The header this authentication adds, or nil for ``none``.
    public var headerField: HTTPHeaders.Field? {
        switch self {
        case .none:
            return nil
        case .bearer(let token):
            return HTTPHeaders.Field(name: "Authorization", value: "Bearer \(token.revealed)")
        case .basic(let user, let password):
            let credentials = Data("\(user):\(password.revealed)".utf8).base64EncodedString()
            return HTTPHeaders.Field(name: "Authorization", value: "Basic \(credentials)")
        case .apiKeyHeader(let name, let value):
            return HTTPHeaders.Field(name: name, value: value.revealed)
        }
    }

    /// The secret values this authentication sends, so that text echoed back by a server can be scrubbed.
    var secretValues: [String] {
        guard let field = headerField else { return [] }
        switch self {
        case .none: return []
        case .bearer(let token): return [token.revealed, field.value]
        case .basic(_, let password): return [password.revealed, field.value]
        case .apiKeyHeader(_, let value): return [value.revealed]
        }
    }

    /// The kind of authentication, without any credential.
    public var description: String {
        switch self {
        case .none: "none"
        case .bearer: "bearer(\(Secret.redacted))"
        case .basic(let user, _): "basic(user: \(user), password: \(Secret.redacted))"
        case .apiKeyHeader(let name, _): "apiKeyHeader(\(name): \(Secret.redacted))"
        }
    }
}
