/// Swift syntax for values taken from a spec: string literals that round-trip any text, identifiers that are
/// never keywords, and comment text that cannot end its comment.
enum RenderSyntax {
    /// A one-line Swift string literal whose value is exactly `text` (see `SwiftLiteral.string(_:)`).
    static func literal(_ text: String) -> String {
        SwiftLiteral.string(text)
    }

    /// An array literal of string literals.
    static func literal(_ texts: [String]) -> String {
        "[" + texts.map(literal).joined(separator: ", ") + "]"
    }

    /// A dictionary literal of string literals, sorted by key so the output is deterministic.
    static func literal(_ map: [String: String]) -> String {
        guard !map.isEmpty else { return "[:]" }
        return "["
            + map.sorted { $0.key < $1.key }.map { literal($0.key) + ": " + literal($0.value) }
            .joined(separator: ", ") + "]"
    }

    /// `name` usable as a declaration or member name: wrapped in backticks when it is a keyword.
    static func identifier(_ name: String) -> String {
        SwiftIdentifier.member(name)
    }

    /// `name` as the label of an argument: only `inout` must be escaped there (escaping `let` or `var` is a
    /// compiler warning).
    static func label(_ name: String) -> String {
        name == "inout" ? "`inout`" : name
    }

    /// lowerCamelCase of the letters and digits of `text` (`us-east-1` → `usEast1`), or nil when nothing usable
    /// remains.
    static func lowerCamelCase(_ text: String) -> String? {
        let words = text.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
        guard let first = words.first else { return nil }
        let rest = words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }
        let name = first.prefix(1).lowercased() + first.dropFirst() + rest.joined()
        return SwiftIdentifier.isValid(name) ? name : nil
    }

    /// UpperCamelCase of the letters and digits of `text`, or nil.
    static func upperCamelCase(_ text: String) -> String? {
        guard let lower = lowerCamelCase(text) else { return nil }
        return lower.prefix(1).uppercased() + lower.dropFirst()
    }

    /// Text for a `///` or `//` comment: one entry per line, so that a newline in a spec string cannot end the
    /// comment early.
    static func commentLines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false) {
            $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}"
        }
        .map { String($0).trimmingTrailingSpaces() }
    }

    /// Doc comment text for a comment starting at `column` (`/// ` included): each line of `text` wrapped at spaces
    /// so that it fits in the line length; a word longer than the line stays whole.
    static func docLines(_ text: String, column: Int) -> [String] {
        let width = SwiftCode.lineLength - column - 4
        var result: [String] = []
        for line in commentLines(text) {
            var current: String?
            for word in line.split(separator: " ", omittingEmptySubsequences: false) {
                if let text = current, text.count + 1 + word.count > width, !text.allSatisfy({ $0 == " " }) {
                    result.append(text.trimmingTrailingSpaces())
                    current = String(word)
                } else {
                    current = current.map { $0 + " " + word } ?? String(word)
                }
            }
            result.append((current ?? "").trimmingTrailingSpaces())
        }
        return result
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
