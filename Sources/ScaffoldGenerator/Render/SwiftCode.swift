/// A small Swift expression tree laid out the way swift-format does: on one line when it fits in the line length,
/// otherwise one argument (or element) per line.
///
/// The generator's one owner of indentation and line breaks: where a break goes depends on the length of names
/// taken from the spec, which a template cannot measure, so generated code is built as this tree and laid out here.
indirect enum SwiftCode {
    /// Text written as is.
    case atom(String)
    /// `name(label: argument, …)`; a nil label is an unlabeled argument.
    case call(String, [(label: String?, value: SwiftCode)])
    /// `[element, …]`.
    case array([SwiftCode])

    static let lineLength = 120

    /// The expression on one line.
    var oneLine: String {
        switch self {
        case .atom(let text): text
        case .call(let name, let arguments):
            name + "(" + arguments.map { ($0.label.map { $0 + ": " } ?? "") + $0.value.oneLine }.joined(separator: ", ")
                + ")"
        case .array(let elements): "[" + elements.map(\.oneLine).joined(separator: ", ") + "]"
        }
    }

    /// The lines of the expression starting at column `indent`, each line indented, with `prefix` (`let x = `)
    /// before it and `suffix` (a comma) after it.
    func lines(indent: Int, prefix: String = "", suffix: String = "") -> [String] {
        layout(column: 0, indent: indent, prefix: prefix, suffix: suffix)
    }

    /// The lines of the expression as it is laid out at `column`, indented relative to that column: for a template
    /// that puts the indentation of the enclosing block in front of every line.
    func lines(at column: Int, prefix: String = "", suffix: String = "") -> [String] {
        layout(column: column, indent: 0, prefix: prefix, suffix: suffix)
    }

    /// Lines starting at `column + indent`, of which only `indent` is written.
    private func layout(column: Int, indent: Int, prefix: String, suffix: String) -> [String] {
        let flat = prefix + oneLine + suffix
        let pad = String(repeating: " ", count: indent)
        if column + indent + flat.count <= Self.lineLength { return [pad + flat] }
        switch self {
        case .atom:
            return [pad + flat]
        case .call(let name, let arguments):
            var result = [pad + prefix + name + "("]
            for (index, argument) in arguments.enumerated() {
                let comma = index == arguments.count - 1 ? "" : ","
                result += argument.value.layout(
                    column: column,
                    indent: indent + 4,
                    prefix: argument.label.map { $0 + ": " } ?? "",
                    suffix: comma
                )
            }
            return result + [pad + ")" + suffix]
        case .array(let elements):
            var result = [pad + prefix + "["]
            for element in elements {
                result += element.layout(column: column, indent: indent + 4, prefix: "", suffix: ",")
            }
            return result + [pad + "]" + suffix]
        }
    }
}
