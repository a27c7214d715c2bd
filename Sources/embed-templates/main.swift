import Foundation

/// `embed-templates OUTPUT TEMPLATE...`: writes a Swift file holding every template's text, keyed by its file name
/// without the `.mustache` extension, so the `scaffold` binary carries its templates (a copied binary still works).
///
/// Each text becomes an ordinary string literal with every character that could end or alter it escaped, so a
/// template may contain anything.
@main
enum EmbedTemplates {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard let output = arguments.first else {
            FileHandle.standardError.write(Data("usage: embed-templates OUTPUT TEMPLATE...\n".utf8))
            exit(64)
        }
        var entries: [(name: String, text: String)] = []
        for path in arguments.dropFirst() {
            let url = URL(fileURLWithPath: path)
            guard url.pathExtension == "mustache" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            entries.append((url.deletingPathExtension().lastPathComponent, text))
        }
        entries.sort { $0.name < $1.name }
        var source = """
            // Written by the embed-templates build tool from the top-level Templates directory. Do not edit.

            /// The built-in templates: name (file name without `.mustache`) → text.
            enum EmbeddedTemplates {
                static let all: [String: String] = [

            """
        for entry in entries {
            source += "        \(literal(entry.name)): \(literal(entry.text)),\n"
        }
        source += entries.isEmpty ? "        :\n" : ""
        source += "    ]\n}\n"
        let data = Data(source.utf8)
        // Leave the file alone when nothing changed, so the target is not recompiled.
        if let existing = try? Data(contentsOf: URL(fileURLWithPath: output)), existing == data { return }
        try data.write(to: URL(fileURLWithPath: output), options: .atomic)
    }

    /// A one-line Swift string literal of `text`.
    static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
