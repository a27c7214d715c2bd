/// Rules for the Swift names the generator writes: validity, keywords, and the snake_case → camelCase derivations.
///
/// Names come from the spec, so they are checked here rather than trusted: a property name that is a keyword is
/// written in backticks (always legal for members), while a type or module name that is a keyword is refused,
/// because backticked type names leak into every user's code.
public enum SwiftIdentifier {
    /// Every reserved word of Swift 6 (declarations, statements, expressions, types and patterns), plus the
    /// contextual words that cannot name a type or module without confusing the compiler (`Self`, `Any`, `Type`,
    /// `Protocol`).
    public static let keywords: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "package", "precedencegroup",
        "private", "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var", "break",
        "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in",
        "repeat", "return", "switch", "throw", "throws", "where", "while", "Any", "as", "await", "false", "is", "nil",
        "self", "Self", "super", "true", "try", "Type", "Protocol", "_",
    ]

    /// Whether `text` is an ASCII Swift identifier: a letter or `_` followed by letters, digits or `_` (and not
    /// `_` alone). Keywords are valid identifiers here; `isKeyword(_:)` tells them apart.
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.utf8.first, text != "_" else { return false }
        return isIdentifierHead(first) && text.utf8.dropFirst().allSatisfy { isIdentifierHead($0) || isDigit($0) }
    }

    /// Whether `text` is a Swift keyword (see `keywords`).
    public static func isKeyword(_ text: String) -> Bool {
        keywords.contains(text)
    }

    /// Why `text` cannot name a type or module, or nil when it can.
    public static func typeNameProblem(_ text: String) -> String? {
        if !isValid(text) {
            return "'\(text)' is not a Swift identifier (letters, digits and '_', not starting with a digit)"
        }
        if isKeyword(text) { return "'\(text)' is a Swift keyword" }
        return nil
    }

    /// `name` ready to declare or use as a property, case or parameter: keywords in backticks.
    ///
    /// - Precondition: `isValid(name)`; spec names are validated before they reach the renderer.
    public static func member(_ name: String) -> String {
        isKeyword(name) ? "`\(name)`" : name
    }

    /// The Swift names the generated configuration declares itself (`buffer`, `description`, the `Document`'s
    /// `location`, …) or that cannot name a stored property at all (`self`): a field that would take one of them
    /// is renamed (see `propertyName(_:)`).
    public static let reservedProperties: Set<String> = [
        "self", "buffer", "description", "debugDescription", "hashValue", "location", "bufferCapacity",
        "overflowPolicy",
    ]

    /// The Swift property of the config field `snakeCase`: its lowerCamelCase, with `Value` appended when that
    /// is one of `reservedProperties` (`buffer` → `bufferValue`; the YAML key stays `buffer`). Other keywords
    /// stay as they are and are written in backticks.
    public static func propertyName(_ snakeCase: String) -> String {
        let name = lowerCamelCase(snakeCase)
        return reservedProperties.contains(name) ? name + "Value" : name
    }

    /// `api_key` → `apiKey`: lower-cases the first part, capitalises the first letter of each later part, drops the
    /// underscores (repeated, leading and trailing ones included). Leading digits of a later part stay as they are
    /// (`retry_2x` → `retry2x`).
    public static func lowerCamelCase(_ snakeCase: String) -> String {
        let parts = snakeCase.split(separator: "_")
        guard let first = parts.first else { return "" }
        return first.lowercased() + parts.dropFirst().map(capitalisedFirstLetter).joined()
    }

    /// `acme_http` → `AcmeHttp`: capitalises the first letter of every underscore-separated part and drops the
    /// underscores; the rest of each part is kept as written.
    public static func upperCamelCase(_ snakeCase: String) -> String {
        snakeCase.split(separator: "_").map(capitalisedFirstLetter).joined()
    }

    private static func capitalisedFirstLetter(_ part: Substring) -> String {
        guard let first = part.first else { return "" }
        return first.uppercased() + part.dropFirst()
    }

    private static func isIdentifierHead(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte)
    }
}
