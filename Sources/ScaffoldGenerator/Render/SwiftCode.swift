/// A small Swift expression tree laid out the way swift-format does: on one line when it fits in the line length,
/// otherwise one argument (or element) per line.
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

    /// The lines of the expression starting at column `indent` (the first line without its indentation), with
    /// `suffix` (a comma) after it.
    func lines(indent: Int, prefix: String = "", suffix: String = "") -> [String] {
        let flat = prefix + oneLine + suffix
        let pad = String(repeating: " ", count: indent)
        if indent + flat.count <= Self.lineLength { return [pad + flat] }
        switch self {
        case .atom:
            return [pad + flat]
        case .call(let name, let arguments):
            var result = [pad + prefix + name + "("]
            for (index, argument) in arguments.enumerated() {
                let comma = index == arguments.count - 1 ? "" : ","
                result += argument.value.lines(
                    indent: indent + 4,
                    prefix: argument.label.map { $0 + ": " } ?? "",
                    suffix: comma
                )
            }
            return result + [pad + ")" + suffix]
        case .array(let elements):
            var result = [pad + prefix + "["]
            for element in elements { result += element.lines(indent: indent + 4, suffix: ",") }
            return result + [pad + "]" + suffix]
        }
    }
}
