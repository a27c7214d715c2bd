/// Renders span trees as readable text for a terminal: one line per span, drawn as a tree, with duration,
/// model, token counts and status.
///
/// ```
/// agent "support-bot"  1.52s  trace 4bf92f3577b34da6a3ce929d0e0e4736  session s-1
/// ├─ llm "chat" [gpt-4o]  820ms  tokens 120→35 (155)
/// └─ tool "search"  310ms  ERROR TimeoutError: took too long
/// ```
import ExporterEvents

public struct ConsoleRenderer: Sendable {
    /// Whether to use ANSI colours.
    public var colored: Bool
    /// Whether to show a one-line preview of each span's input and output.
    public var showPayloads: Bool
    /// The longest preview shown, in characters.
    public var previewLength: Int

    /// Creates a renderer.
    public init(colored: Bool = false, showPayloads: Bool = false, previewLength: Int = 80) {
        self.colored = colored
        self.showPayloads = showPayloads
        self.previewLength = previewLength
    }

    /// The lines of one tree, each ending in a newline.
    public func render(_ tree: SpanTree) -> String {
        var output = ""
        renderLine(tree.span, prefix: "", connector: "", isRoot: true, into: &output)
        renderChildren(tree.children, prefix: "", into: &output)
        return output
    }

    private func renderChildren(_ children: [SpanTree], prefix: String, into output: inout String) {
        for (index, child) in children.enumerated() {
            let isLast = index == children.count - 1
            renderLine(child.span, prefix: prefix, connector: isLast ? "└─ " : "├─ ", isRoot: false, into: &output)
            renderChildren(child.children, prefix: prefix + (isLast ? "   " : "│  "), into: &output)
        }
    }

    private func renderLine(_ span: Span, prefix: String, connector: String, isRoot: Bool, into output: inout String) {
        var line = prefix + connector
        line += paint(categoryLabel(span.category), categoryColor(span.category))
        line += " " + quoted(span.name)
        if let model = span.modelName, model != span.name { line += " [" + model + "]" }
        if span.origin != .mark { line += "  " + Self.format(durationNanoseconds: span.durationNanoseconds) }
        if let usage = span.tokenUsage {
            line += "  tokens \(usage.promptTokens)→\(usage.completionTokens) (\(usage.totalTokens))"
            if usage.cachedTokens > 0 { line += " cached \(usage.cachedTokens)" }
            if usage.reasoningTokens > 0 { line += " reasoning \(usage.reasoningTokens)" }
        }
        if case .error(let type, let message) = span.status {
            line += "  " + paint("ERROR \(type): \(singleLine(message))", "31;1")
        }
        if span.isUnfinished { line += "  " + paint("(unfinished)", "33") }
        if span.origin == .endWithoutStart { line += "  " + paint("(end without start)", "33") }
        if isRoot {
            line += paint("  trace \(span.traceID)", "2")
            if let session = span.sessionID { line += paint("  session \(session)", "2") }
            if let user = span.userID { line += paint("  user \(user)", "2") }
        }
        output += line + "\n"
        guard showPayloads else { return }
        let detailPrefix = prefix + (connector.isEmpty ? "" : (connector == "└─ " ? "   " : "│  ")) + "   "
        if let input = span.input, !input.isNull {
            output += detailPrefix + paint("in:  " + preview(input), "2") + "\n"
        }
        if let output_ = span.output, !output_.isNull {
            output += detailPrefix + paint("out: " + preview(output_), "2") + "\n"
        }
    }

    private func categoryLabel(_ category: EventCategory) -> String {
        if case .custom(let subtype) = category, subtype != "custom" { return subtype }
        return category.name
    }

    private func categoryColor(_ category: EventCategory) -> String {
        switch category {
        case .agent: "35;1"
        case .llm: "34;1"
        case .tool: "32;1"
        case .function, .task: "36"
        default: "37"
        }
    }

    private func quoted(_ text: String) -> String {
        "\"" + singleLine(text) + "\""
    }

    private func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    private func preview(_ value: JSONValue) -> String {
        let text: String
        if case .string(let string) = value {
            text = string
        } else {
            var bytes: [UInt8] = []
            JSONWriter.write(value, to: &bytes)
            text = String(decoding: bytes, as: UTF8.self)
        }
        let flat = singleLine(text)
        return flat.count > previewLength ? String(flat.prefix(previewLength - 1)) + "…" : flat
    }

    private func paint(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// `850ns`, `12.3µs`, `45.6ms`, `1.52s`, `2m03s`.
    static func format(durationNanoseconds nanoseconds: Int64) -> String {
        let value = Double(nanoseconds)
        switch nanoseconds {
        case ..<1_000: return "\(nanoseconds)ns"
        case ..<1_000_000: return trimmed(value / 1e3) + "µs"
        case ..<1_000_000_000: return trimmed(value / 1e6) + "ms"
        case ..<60_000_000_000: return trimmed(value / 1e9) + "s"
        default:
            let seconds = nanoseconds / 1_000_000_000
            let remainder = seconds % 60
            return "\(seconds / 60)m" + (remainder < 10 ? "0" : "") + "\(remainder)s"
        }
    }

    private static func trimmed(_ value: Double) -> String {
        // Three significant digits: 1.52, 12.3, 456.
        let digits = value >= 100 ? 0 : value >= 10 ? 1 : 2
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if digits == 0 { return String(Int64(rounded)) }
        var text = String(rounded)
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
        }
        return text
    }
}
