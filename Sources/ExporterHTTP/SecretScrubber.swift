import ExporterCore
import Foundation

/// Makes text that came from outside (a response body, a server's `error_message`, a client's error description)
/// safe to log, print, store in a dead letter or throw: every configured secret value is replaced by `***`, control
/// characters become spaces, and the result is cut to a bounded length. A body that is not text is described
/// (`412 bytes of application/x-protobuf`), never shown.
///
/// Built once per sink from its configuration (``init(configuration:)``): the value of every header (static
/// headers carry API keys), the authentication's credentials and the header it sends, the configuration's
/// ``HTTPExportSink/Configuration/secrets`` (a generated package's `secret` fields), the endpoint's user info and
/// query values; each also in base64 (standard, URL-safe, unpadded), so that an echoed `Authorization: Basic …`
/// or a body that re-encodes a key is scrubbed too.
public struct SecretScrubber: Sendable, Hashable {
    /// The most characters a scrubbed text keeps; longer texts end with `…`.
    public static let defaultLimit = 512

    /// Header values shorter than this are not looked for in text (an `X-Version: 2` would otherwise turn every
    /// `2` into `***`); credentials (authentication, ``HTTPExportSink/Configuration/secrets``) always are.
    static let minimumHeaderValueLength = 4

    /// What is replaced, longest first (so that a value containing another is replaced whole).
    private let needles: [String]
    /// The most characters a scrubbed text keeps.
    public let limit: Int

    /// A scrubber that replaces `secrets` (and their base64 forms).
    public init(secrets: [String], limit: Int = SecretScrubber.defaultLimit) {
        var needles = Set<String>()
        for secret in secrets where !secret.isEmpty {
            needles.insert(secret)
            for encoded in Self.base64Forms(of: secret) where encoded.count >= 4 { needles.insert(encoded) }
        }
        self.needles = needles.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        self.limit = max(16, limit)
    }

    /// The scrubber of a sink sending with `configuration`.
    public init(configuration: HTTPExportSink.Configuration, limit: Int = SecretScrubber.defaultLimit) {
        var secrets: [String] = configuration.secrets.map(\.revealed)
        for field in configuration.headers where field.value.count >= Self.minimumHeaderValueLength {
            secrets.append(field.value)
            // `Bearer <token>` and similar: the credential alone, too.
            if let space = field.value.firstIndex(of: " ") {
                let credential = field.value[field.value.index(after: space)...]
                if credential.count >= Self.minimumHeaderValueLength { secrets.append(String(credential)) }
            }
        }
        secrets += configuration.auth.secretValues
        if case .basic(let user, let password) = configuration.auth {
            secrets.append("\(user):\(password.revealed)")
        }
        if let components = URLComponents(url: configuration.endpoint, resolvingAgainstBaseURL: false) {
            if let password = components.password, !password.isEmpty {
                secrets.append(password)
                secrets.append("\(components.user ?? ""):\(password)")
            }
            for item in components.queryItems ?? [] {
                if let value = item.value, value.count >= Self.minimumHeaderValueLength { secrets.append(value) }
            }
        }
        self.init(secrets: secrets, limit: limit)
    }

    /// `text` with every secret replaced, control characters as spaces, trimmed, and at most ``limit`` characters.
    public func scrub(_ text: String) -> String {
        // Scrub before cutting, so that a secret across the cut is still replaced whole.
        var text = text
        for needle in needles where text.contains(needle) {
            text = text.replacingOccurrences(of: needle, with: Secret.redacted)
        }
        let printable = String(
            String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0 == "\u{7F}" ? " " : $0 })
        )
        let trimmed = printable.trimmingCharacters(in: .whitespaces)
        guard trimmed.count > limit else { return trimmed }
        return String(trimmed.prefix(limit)) + "…"
    }

    /// A response body as one safe line: its text scrubbed and cut, or, when it is not text, its size and type.
    public func describe(body: [UInt8], contentType: String?) -> String {
        guard !body.isEmpty else { return "" }
        if !Self.isText(body, contentType: contentType) {
            let type = contentType.map { scrub(String($0.prefix(100))) } ?? "unknown type"
            return "\(body.count) bytes of \(type)"
        }
        // A bounded window: enough to find a secret that starts inside the kept part.
        let window = limit * 4 + (needles.first?.utf8.count ?? 0) * 2
        let head = String(decoding: body.prefix(window), as: UTF8.self)
        let text = scrub(head)
        return body.count > window && !text.hasSuffix("…") ? text + "…" : text
    }

    /// True when `body` reads as text: a textual content type, or no type and valid UTF-8 without NUL bytes.
    static func isText(_ body: [UInt8], contentType: String?) -> Bool {
        if let contentType {
            let type = contentType.lowercased()
            if type.hasPrefix("text/") || type.contains("json") || type.contains("xml")
                || type.contains("x-www-form-urlencoded")
            {
                return true
            }
            if type.contains("protobuf") || type.hasPrefix("image/") || type.hasPrefix("audio/")
                || type.hasPrefix("video/") || type.contains("octet-stream") || type.contains("grpc")
                || type.contains("zip") || type.contains("compress")
            {
                return false
            }
        }
        let sample = body.prefix(1024)
        guard !sample.contains(0) else { return false }
        // Valid UTF-8, allowing a multi-byte character cut at the end of the sample.
        let decoded = String(decoding: sample, as: UTF8.self)
        let replacements = decoded.unicodeScalars.filter { $0 == "\u{FFFD}" }.count
        let original = String(validating: sample, as: UTF8.self) != nil
        return original || (replacements <= 1 && sample.count == 1024)
    }

    private static func base64Forms(of secret: String) -> [String] {
        let standard = Data(secret.utf8).base64EncodedString()
        let unpadded = String(standard.reversed().drop { $0 == "=" }.reversed())
        let urlSafe = unpadded.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        return [standard, unpadded, urlSafe]
    }
}
