/// One file of a generated package, as the renderer produces it.
public struct GeneratedFile: Sendable, Hashable {
    /// Who owns a file, which decides what regeneration may do to it.
    public enum Ownership: String, Sendable, Hashable, Codable {
        /// The generator's: rewritten on every generation; a hand edit is refused unless forced.
        case generated
        /// The user's: created once when missing, never touched again.
        case userOwned = "user"
    }

    /// The path relative to the package root, with `/` separators (`Sources/AcmeHTTP/Generated/Config.swift`).
    public var path: String
    /// The full text.
    public var contents: String
    /// Who owns it.
    public var ownership: Ownership

    /// Creates a file.
    public init(path: String, contents: String, ownership: Ownership) {
        self.path = path
        self.contents = contents
        self.ownership = ownership
    }
}
