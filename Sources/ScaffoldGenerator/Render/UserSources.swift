/// The Swift files of the user's in the package being regenerated (those the lock does not list), which the
/// renderer reads, never writes: generated code calls the user's types by the names they have there, and names an
/// earlier generation gave that they still use are kept as deprecated aliases (see `ExporterNames.Legacy`).
public struct UserSources: Sendable, Hashable {
    /// Path relative to the package → contents.
    public var files: [String: String]

    /// Creates the view of `files` (empty for a new package).
    public init(files: [String: String] = [:]) {
        self.files = files
    }

    /// Whether the file at `path` exists.
    public func contains(_ path: String) -> Bool {
        files[path] != nil
    }

    /// Whether some file declares a type named `name` (`struct`, `enum`, `class`, `actor` or `typealias`).
    public func declares(_ name: String) -> Bool {
        files.values.contains { text in
            let words = Self.words(in: text)
            return zip(words, words.dropFirst()).contains { keyword, declared in
                declared == name && ["struct", "enum", "class", "actor", "typealias"].contains(keyword)
            }
        }
    }

    /// Whether some file mentions the identifier `name` (as a whole word).
    public func uses(_ name: String) -> Bool {
        files.values.contains { Self.words(in: $0).contains(Substring(name)) }
    }

    /// Where a user-owned type lives and what it is called: the current path unless only the legacy path exists,
    /// and the current name unless only the legacy name is declared.
    func resolve(name: String, path: String, legacyName: String, legacyPath: String) -> (name: String, path: String) {
        let resolvedPath = !contains(path) && contains(legacyPath) ? legacyPath : path
        let resolvedName = !declares(name) && declares(legacyName) ? legacyName : name
        return (resolvedName, resolvedPath)
    }

    /// The identifiers and keywords of `text`, in order.
    static func words(in text: String) -> [Substring] {
        text.split { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_")) }
    }
}
