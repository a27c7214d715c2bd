import Foundation

/// `embed-files --enum NAME --root DIR [--strip-extension EXT] OUTPUT FILE...`: writes a Swift file declaring
/// `enum NAME { static let all: [String: String] }`, every file's text keyed by its path relative to DIR (less EXT
/// when it ends with it), so the `scaffold` binary carries what it needs without a checkout: the templates, and the
/// runtime sources `vendor --with-runtime` copies.
///
/// Each text becomes an ordinary string literal with every character that could end or alter it escaped, so a file
/// may contain anything but invalid UTF-8 (a build error naming the file).
@main
enum EmbedFiles {
    struct Arguments {
        var enumName = ""
        var root = ""
        var strippedExtension = ""
        var output = ""
        var files: [String] = []
    }

    static func main() throws {
        guard let arguments = parse(Array(CommandLine.arguments.dropFirst())) else {
            fail("usage: embed-files --enum NAME --root DIR [--strip-extension EXT] OUTPUT FILE...", status: 64)
        }
        let root = URL(fileURLWithPath: arguments.root).standardizedFileURL.path + "/"
        var entries: [(key: String, text: String)] = []
        for path in arguments.files {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            guard absolute.hasPrefix(root) else { fail("embed-files: '\(path)' is not under '\(arguments.root)'") }
            var key = String(absolute.dropFirst(root.count))
            if !arguments.strippedExtension.isEmpty, key.hasSuffix(arguments.strippedExtension) {
                key.removeLast(arguments.strippedExtension.count)
            }
            let data = try Data(contentsOf: URL(fileURLWithPath: absolute))
            guard let text = String(data: data, encoding: .utf8) else { fail("embed-files: '\(path)' is not UTF-8") }
            entries.append((key, text))
        }
        entries.sort { $0.key < $1.key }
        var source = """
            // Written by the embed-files build tool from \(literal(URL(fileURLWithPath: root).lastPathComponent)). \
            Do not edit.

            /// Files embedded at build time: path (relative to their directory) → text.
            enum \(arguments.enumName) {
                static let all: [String: String] = [

            """
        for entry in entries {
            source += "        \(literal(entry.key)): \(literal(entry.text)),\n"
        }
        source += entries.isEmpty ? "        :\n" : ""
        source += "    ]\n}\n"
        let data = Data(source.utf8)
        // Leave the file alone when nothing changed, so the target is not recompiled.
        if let existing = try? Data(contentsOf: URL(fileURLWithPath: arguments.output)), existing == data { return }
        try data.write(to: URL(fileURLWithPath: arguments.output), options: .atomic)
    }

    static func parse(_ words: [String]) -> Arguments? {
        var arguments = Arguments()
        var index = 0
        while index < words.count, words[index].hasPrefix("--") {
            guard index + 1 < words.count else { return nil }
            switch words[index] {
            case "--enum": arguments.enumName = words[index + 1]
            case "--root": arguments.root = words[index + 1]
            case "--strip-extension": arguments.strippedExtension = words[index + 1]
            default: return nil
            }
            index += 2
        }
        guard !arguments.enumName.isEmpty, !arguments.root.isEmpty, index < words.count else { return nil }
        arguments.output = words[index]
        arguments.files = Array(words[(index + 1)...])
        return arguments
    }

    static func fail(_ message: String, status: Int32 = 1) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(status)
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
