import Foundation

/// Renders diagnostics for people (compiler-style, with the source line and a caret) or for tools (JSON).
public struct DiagnosticRenderer: Sendable {
    /// Whether to colour the output with ANSI escapes; callers decide (a TTY and no `NO_COLOR`).
    public var colored: Bool

    /// Creates a renderer.
    public init(colored: Bool = false) {
        self.colored = colored
    }

    /// Renders one diagnostic: its header, then the source line and a caret when the source is known.
    ///
    /// - Parameter source: the text of the diagnostic's file, when the caller has it.
    public func render(_ diagnostic: Diagnostic, source: String? = nil) -> String {
        var header = ""
        if let location = diagnostic.location { header += "\(location): " }
        header += paint(
            "\(diagnostic.severity.rawValue)[\(diagnostic.code)]",
            diagnostic.severity == .error ? "31;1" : diagnostic.severity == .warning ? "33;1" : "36;1"
        )
        header += ": \(diagnostic.message)"
        var lines = [header]
        if let location = diagnostic.location, let source,
            let line = Self.line(location.line, of: source)
        {
            let (quoted, caretColumn) = Self.window(of: line, around: location.column)
            lines.append("  " + quoted)
            let prefix = quoted.unicodeScalars.prefix(max(0, caretColumn - 1))
            // Keep tabs so the caret lines up with what the terminal shows.
            let padding = String(String.UnicodeScalarView(prefix.map { $0 == "\t" ? "\t" : " " }))
            lines.append("  " + padding + paint("^", "32;1"))
        }
        if let hint = diagnostic.hint {
            lines.append("  " + paint("hint", "36") + ": " + hint)
        }
        return lines.joined(separator: "\n")
    }

    /// Renders many diagnostics, looking up each file's text through `source`.
    public func render(_ diagnostics: [Diagnostic], source: (String) -> String? = { _ in nil }) -> String {
        diagnostics.map { diagnostic in
            render(diagnostic, source: diagnostic.location?.file.flatMap(source))
        }.joined(separator: "\n")
    }

    /// The diagnostics as a JSON array of objects with `severity`, `code`, `message`, `file`, `line`, `column`, `hint`.
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        struct Row: Encodable {
            var severity: String
            var code: String
            var message: String
            var file: String?
            var line: Int?
            var column: Int?
            var hint: String?
        }
        let rows = diagnostics.map {
            Row(
                severity: $0.severity.rawValue,
                code: $0.code.rawValue,
                message: $0.message,
                file: $0.location?.file,
                line: $0.location?.line,
                column: $0.location?.column,
                hint: $0.hint
            )
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and integers cannot fail.
        let data = (try? encoder.encode(rows)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private func paint(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// The most Unicode scalars of a source line quoted: a longer line (a 50 MB minified document) is quoted as a
    /// window around the column, its cut ends marked with `…`.
    public static let maximumQuotedLine = 160

    /// `line` when short enough, else the window of it around the 1-based `column`; with the caret's column in
    /// what is returned.
    static func window(of line: String, around column: Int) -> (text: String, column: Int) {
        let scalars = line.unicodeScalars
        let count = scalars.count
        guard count > maximumQuotedLine else { return (line, column) }
        let half = maximumQuotedLine / 2
        let target = min(max(column - 1, 0), count)
        let start = max(0, min(target - half, count - maximumQuotedLine))
        let end = min(count, start + maximumQuotedLine)
        let from = scalars.index(scalars.startIndex, offsetBy: start)
        let to = scalars.index(from, offsetBy: end - start)
        var text = String(String.UnicodeScalarView(scalars[from..<to]))
        var caret = target - start + 1
        if start > 0 {
            text = "…" + text
            caret += 1
        }
        if end < count { text += "…" }
        return (text, caret)
    }

    /// Line `number` (1-based) of `source`, line breaks counted as YAML and libyaml count them: `\n`, `\r\n` and a
    /// lone `\r` (a file saved with classic Mac endings).
    private static func line(_ number: Int, of source: String) -> String? {
        guard number >= 1 else { return nil }
        // Walk the bytes, not the Characters: "\r\n" is one Character.
        var current = 1
        var start = source.utf8.startIndex
        var index = start
        let utf8 = source.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if current == number { return String(decoding: utf8[start..<index], as: UTF8.self) }
                var next = utf8.index(after: index)
                if byte == UInt8(ascii: "\r"), next < utf8.endIndex, utf8[next] == UInt8(ascii: "\n") {
                    next = utf8.index(after: next)
                }
                current += 1
                start = next
                index = next
                continue
            }
            index = utf8.index(after: index)
        }
        return current == number ? String(decoding: utf8[start...], as: UTF8.self) : nil
    }
}

/// Whether a stream should be coloured: a terminal and no `NO_COLOR` (https://no-color.org).
public enum TerminalColor {
    /// True when `fileDescriptor` is a TTY and `NO_COLOR` is unset or empty.
    public static func enabled(
        fileDescriptor: Int32,
        environment: [String: String] = ProcessInfo.processInfo.environment
    )
        -> Bool
    {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return isatty(fileDescriptor) == 1
    }
}
