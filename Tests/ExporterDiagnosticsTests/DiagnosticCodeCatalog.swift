import Foundation

/// Every `DiagnosticCode` the package declares, read from the `DiagnosticCode+*.swift` files of `Sources/` with
/// their doc comments. Read from the source text rather than listed at run time, so a code cannot be declared
/// without reaching the reference page, and the page says what the declaration's doc comment says.
struct DiagnosticCodeCatalog {
    struct Entry: Equatable {
        var code: String
        var name: String
        var module: String
        var summary: String
        var file: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sources = packageRoot.appendingPathComponent("Sources")

    var entries: [Entry] = []

    /// Reads every declaration file under `Sources/`.
    init() throws {
        for path in Self.swiftFiles() where Self.isDeclarationFile(path) {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(path), encoding: .utf8)
            entries += Self.entries(in: text, module: String(path.prefix { $0 != "/" }), file: path)
        }
        entries.sort { ($0.area, $0.number, $0.code) < ($1.area, $1.number, $1.code) }
    }

    /// The paths of the Swift files under `Sources/`, relative to it, without protoc's generated code.
    static func swiftFiles() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: sources.path)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".swift"), !path.contains("/Generated/") { paths.append(path) }
        }
        return paths.sorted()
    }

    static func isDeclarationFile(_ path: String) -> Bool {
        (path as NSString).lastPathComponent.hasPrefix("DiagnosticCode+")
    }

    /// The `public static let name = DiagnosticCode("CODE")` members of `text`, each with the `///` lines above it.
    static func entries(in text: String, module: String, file: String) -> [Entry] {
        let declaration = /^\s*public static let (\w+) = DiagnosticCode\("([^"]*)"\)\s*$/
        var found: [Entry] = []
        var doc: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("///") {
                doc.append(trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces))
                continue
            }
            if let match = line.wholeMatch(of: declaration) {
                found.append(
                    Entry(
                        code: String(match.2),
                        name: String(match.1),
                        module: module,
                        summary: doc.joined(separator: " "),
                        file: file
                    )
                )
            }
            doc = []
        }
        return found
    }
}

extension DiagnosticCodeCatalog.Entry {
    /// The capital letters of the code: `CFG` of `CFG003`.
    var area: String { String(code.prefix { $0.isLetter }) }
    var number: Int { Int(code.drop { $0.isLetter }) ?? -1 }
}
