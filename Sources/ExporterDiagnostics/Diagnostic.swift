/// A position in a source file: 1-based line and column.
///
/// Columns count Unicode scalars from the start of the line, which is what editors show for UTF-8 text.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file the location is in, as given by the caller (never made absolute by us).
    public var file: String?
    /// 1-based line number.
    public var line: Int
    /// 1-based column number.
    public var column: Int

    /// Creates a location.
    public init(file: String? = nil, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, or `line:col` without a file.
    public var description: String {
        if let file { return "\(file):\(line):\(column)" }
        return "\(line):\(column)"
    }
}

/// One finding about user input: a YAML error, an invalid spec field, a malformed trace line, a config problem.
///
/// Every component reports problems as diagnostics so that a user sees one consistent, compiler-style format
/// (`path:line:col: error[CODE]: message`) and tools can read the same data as JSON.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    /// How serious a finding is.
    public enum Severity: String, Hashable, Sendable, Codable, Comparable {
        case note
        case warning
        case error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// How serious it is.
    public var severity: Severity
    /// A stable, documented code such as `YAML001`; tools and users match on it, so it never changes meaning.
    public var code: DiagnosticCode
    /// What is wrong, in one sentence.
    public var message: String
    /// Where it is, when the input has positions.
    public var location: SourceLocation?
    /// What to do about it (a did-you-mean, an allowed range, ...).
    public var hint: String?

    /// Creates a diagnostic.
    public init(
        _ severity: Severity = .error,
        code: DiagnosticCode,
        message: String,
        location: SourceLocation? = nil,
        hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// Creates an error diagnostic.
    public static func error(
        _ code: DiagnosticCode,
        _ message: String,
        at location: SourceLocation? = nil,
        hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code: code, message: message, location: location, hint: hint)
    }

    /// The one-line compiler-style header: `path:line:col: error[CODE]: message`.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue)[\(code)]: \(message)"
        return text
    }
}

/// An error that carries one or more diagnostics; thrown by every parser and validator of ours.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// The findings, in the order they were found.
    public var diagnostics: [Diagnostic]

    /// Creates an error from findings; there is at least one.
    public init(_ diagnostics: [Diagnostic]) {
        precondition(!diagnostics.isEmpty, "a DiagnosticError needs at least one diagnostic")
        self.diagnostics = diagnostics
    }

    /// Creates an error from one finding.
    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    /// The headers of all findings, one a line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
