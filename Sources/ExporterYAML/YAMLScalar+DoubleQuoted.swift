extension YAMLScalar {
    /// `text` as a YAML double-quoted scalar that reads back as exactly `text`, whatever it holds: the one way this
    /// package writes a YAML string (the generator's `runtime:` rewrite, `scaffold new`'s spec).
    ///
    /// The rule (YAML 1.2 §5.7 escapes, limited to those JSON shares, so the result is also a valid JSON string):
    /// - `\"` and `\\`; `\t`, `\n` and `\r` for tab, line feed and carriage return;
    /// - `\u` and four lowercase hex digits for the other C0 controls, DEL (0x7F) and the C1 controls 0x80–0x9F,
    ///   which are not printable (§5.1) and which libyaml refuses raw ("control characters are not allowed");
    /// - the same for U+0085, U+2028 and U+2029, which libyaml (a YAML 1.1 reader) takes for line breaks inside a
    ///   quoted scalar: NEL is folded into a space, the blanks around any of them are dropped, and every line
    ///   number after them shifts; and for U+FEFF (a byte order mark may not appear inside a document) and the
    ///   noncharacters U+FFFE and U+FFFF (not printable);
    /// - every other scalar as itself: the output stays readable, and a double-quoted scalar takes any printable
    ///   character, including `#`, `:`, `'` and leading or trailing spaces.
    ///
    /// It differs from JSON's rule (`JSONWriter` in ExporterEvents) on purpose: JSON leaves DEL, C1 and U+2028
    /// raw, which libyaml would refuse or read as a line break.
    public static func doubleQuoted(_ text: String) -> String {
        var output = "\""
        output.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\t": output += "\\t"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            default:
                if needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    /// Whether `scalar` must be written as `\uxxxx` (see ``doubleQuoted(_:)``); every such scalar is below
    /// U+10000, so four hex digits always suffice.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
