import ExporterDiagnostics

/// `auth` of the http transport: sugar for an authorization header built from config fields.
public enum HTTPAuthSpec: Sendable, Hashable {
    /// No authorization header.
    case none
    /// `Authorization: Bearer <token_field>`.
    case bearer(tokenField: String)
    /// `Authorization: Basic base64(<user_field>:<password_field>)`.
    case basic(userField: String, passwordField: String)
    /// `<header>: <token_field>`.
    case apiKeyHeader(header: String, tokenField: String)

    /// The `kind` written in the spec.
    public var kind: HTTPAuthKind {
        switch self {
        case .none: .none
        case .bearer: .bearer
        case .basic: .basic
        case .apiKeyHeader: .apiKeyHeader
        }
    }
}

/// The `auth` kinds of the http transport.
public enum HTTPAuthKind: String, Sendable, Hashable, CaseIterable {
    /// See `HTTPAuthSpec.none`.
    case none
    /// See `HTTPAuthSpec.bearer`.
    case bearer
    /// See `HTTPAuthSpec.basic`.
    case basic
    /// See `HTTPAuthSpec.apiKeyHeader`.
    case apiKeyHeader = "api_key_header"
}
