/// The stable code of a diagnostic, such as `YAML001`: what users grep for, what scripts match on, and what the
/// JSON output carries, so a code never changes meaning once published.
///
/// An open set, in the manner of swift-http-types' `HTTPField.Name`: this module declares none, each module
/// declares its own codes in a `DiagnosticCode+<Area>.swift` file, and `docs/diagnostic-codes.md` is built from
/// those files (a test fails when it is stale).
///
/// ```
/// extension DiagnosticCode {
///     /// Unknown key: a mapping holds a key the format does not know.
///     public static let specUnknownKey = DiagnosticCode("SPEC002")
/// }
/// ```
///
/// A member's name is the code's area spelt out (`yaml`, `json`, `configuration` for `CFG`, `processor` for
/// `PRC`, `generator` for `GEN`, ...) followed by the problem, so names from different areas never clash.
/// String literals are accepted so that tests can pin the printed text (`#expect(found.code == .configurationUnknownType)`);
/// sources name the static members, so that every code reaches the reference page.
public struct DiagnosticCode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The code as printed: capital letters for the area, then three digits.
    public let rawValue: String

    /// Creates a code from its printed text.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates a code from its printed text.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates a code from a literal, for tests that pin the printed text.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// The code as printed, so `error[\(code)]` reads `error[YAML001]`.
    public var description: String { rawValue }
}
