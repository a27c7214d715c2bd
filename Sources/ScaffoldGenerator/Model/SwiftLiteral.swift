/// Renders values as Swift source that evaluates to exactly those values.
///
/// Strings always become one plain `"..."` literal: `\\`, `\"` and every scalar that is not printable ASCII or a
/// letter-like Unicode scalar get escapes, so no input can end the literal early, start an interpolation (`\(`),
/// form a raw-string delimiter, or hide a line break (U+2028 and friends are escaped too).
public enum SwiftLiteral {
    /// `text` as a Swift string literal that round-trips byte for byte.
    public static func string(_ text: String) -> String {
        var output = "\""
        output.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case "\"": output += "\\\""
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\0": output += "\\0"
            default:
                if isSafeVerbatim(scalar) {
                    output.unicodeScalars.append(scalar)
                } else {
                    output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                }
            }
        }
        return output + "\""
    }

    /// Doc-comment lines (`/// ...`) for `text`, indented by `indent`: every line break of any kind starts a new
    /// `///` line, and control characters are dropped, so the text cannot end the comment or inject code.
    public static func comment(_ text: String, indent: String = "") -> String {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            if isLineBreak(scalar) {
                if scalar == "\n", previousWasCarriageReturn { continue }
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else if scalar == "\t" {
                current.append(" ")
            } else if !isControl(scalar) {
                current.append(scalar)
            }
        }
        lines.append(String(current))
        return lines.map { line in
            let trimmed = line.reversed().drop { $0 == " " }.reversed()
            return trimmed.isEmpty ? indent + "///" : indent + "/// " + String(trimmed)
        }.joined(separator: "\n")
    }

    /// An integer literal.
    public static func int(_ value: Int) -> String {
        String(value)
    }

    /// A floating-point literal that reads back as the same `Double`; nil for infinities and NaN, which have no
    /// literal form.
    public static func double(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        let text = "\(value)"
        // Swift's shortest representation may be `5.0`, `1e-05` or `1e+20`: all are valid Swift literals.
        return text
    }

    /// `true` or `false`.
    public static func bool(_ value: Bool) -> String {
        value ? "true" : "false"
    }

    /// A `Duration` expression in the largest unit that is exact: `.seconds(5)`, `.milliseconds(250)`,
    /// `.nanoseconds(7)`.
    public static func duration(nanoseconds: Int64) -> String {
        let units: [(name: String, scale: Int64)] = [
            ("seconds", 1_000_000_000), ("milliseconds", 1_000_000), ("microseconds", 1_000),
        ]
        for unit in units where nanoseconds % unit.scale == 0 {
            return ".\(unit.name)(\(nanoseconds / unit.scale))"
        }
        return ".nanoseconds(\(nanoseconds))"
    }

    /// An array literal of already-rendered elements; `[]` when empty.
    public static func array(_ elements: [String]) -> String {
        "[" + elements.joined(separator: ", ") + "]"
    }

    /// A `[String: String]` literal with keys in ascending order (so output is stable); `[:]` when empty.
    public static func dictionary(_ entries: [String: String]) -> String {
        guard !entries.isEmpty else { return "[:]" }
        let rendered = entries.sorted { $0.key < $1.key }.map { string($0.key) + ": " + string($0.value) }
        return "[" + rendered.joined(separator: ", ") + "]"
    }

    /// Printable ASCII other than the two characters with meaning inside a literal, and non-ASCII scalars that are
    /// not controls, line separators, format characters (bidi overrides, zero-width joiners), combining marks,
    /// unusual spaces or unassigned, which could otherwise make the source read differently from what it is.
    private static func isSafeVerbatim(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (0x20...0x7E).contains(scalar.value) }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned,
            .nonspacingMark, .spacingMark, .enclosingMark, .spaceSeparator:
            // Marks are escaped so that none can combine with the literal's own quote.
            return false
        default:
            return true
        }
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }
}
