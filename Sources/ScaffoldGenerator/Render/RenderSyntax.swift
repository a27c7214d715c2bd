/// Swift syntax for values taken from a spec: string literals that round-trip any text, identifiers that are
/// never keywords, and comment text that cannot end its comment.
enum RenderSyntax {
    /// A one-line Swift string literal whose value is exactly `text`: quotes, backslashes (so `\(` and `"""`),
    /// newlines, control and format characters are escaped; other Unicode is kept as written.
    static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            case _ where needsEscape(scalar): result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// An array literal of string literals.
    static func literal(_ texts: [String]) -> String {
        "[" + texts.map(literal).joined(separator: ", ") + "]"
    }

    /// A dictionary literal of string literals, sorted by key so the output is deterministic.
    static func literal(_ map: [String: String]) -> String {
        guard !map.isEmpty else { return "[:]" }
        return "[" + map.sorted { $0.key < $1.key }.map { literal($0.key) + ": " + literal($0.value) }
            .joined(separator: ", ") + "]"
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned,
            .nonspacingMark, .enclosingMark, .spacingMark:
            true
        default:
            scalar.value == 0x7F
        }
    }

    /// Words Swift reserves in the positions generated code uses names (declarations, members, cases).
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default",
        "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch",
        "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true",
        "try", "Type", "Protocol", "consume", "borrowing", "consuming", "copy", "discard", "each", "some", "any",
        "package", "actor", "async",
    ]

    /// `name` usable as a declaration or member name: wrapped in backticks when it is a keyword.
    static func identifier(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// Whether `name` is a plain identifier (ASCII letters, digits, underscores; not starting with a digit).
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }

    /// lowerCamelCase of the letters and digits of `text` (`us-east-1` → `usEast1`), or nil when nothing usable
    /// remains.
    static func lowerCamelCase(_ text: String) -> String? {
        let words = text.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
        guard let first = words.first else { return nil }
        let rest = words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }
        let name = first.prefix(1).lowercased() + first.dropFirst() + rest.joined()
        return isPlainIdentifier(name) ? name : nil
    }

    /// UpperCamelCase of the letters and digits of `text`, or nil.
    static func upperCamelCase(_ text: String) -> String? {
        guard let lower = lowerCamelCase(text) else { return nil }
        return lower.prefix(1).uppercased() + lower.dropFirst()
    }

    /// Text for a `///` or `//` comment: one entry per line, so that a newline in a spec string cannot end the
    /// comment early.
    static func commentLines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" }
            .map { String($0).trimmingTrailingSpaces() }
    }

    /// `text` for a Markdown table cell: pipes escaped, lines joined.
    static func markdownCell(_ text: String) -> String {
        commentLines(text).joined(separator: " ").replacingPipes()
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }

    fileprivate func replacingPipes() -> String {
        var result = ""
        for character in self {
            if character == "|" { result += "\\|" } else { result.append(character) }
        }
        return result
    }
}
