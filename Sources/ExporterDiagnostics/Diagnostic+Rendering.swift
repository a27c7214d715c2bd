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
            lines.append("  " + line)
            let prefix = line.unicodeScalars.prefix(max(0, location.column - 1))
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

    private static func line(_ number: Int, of source: String) -> String? {
        guard number >= 1 else { return nil }
        // Split the bytes, not the Characters: "\r\n" is one Character, so a String split on "\n" would merge
        // the lines of a file with CRLF endings.
        let lines = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard number <= lines.count else { return nil }
        var line = lines[number - 1]
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        return String(decoding: line, as: UTF8.self)
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
