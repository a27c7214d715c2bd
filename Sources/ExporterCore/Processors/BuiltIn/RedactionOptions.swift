/// What a ``RedactionProcessor`` hides. Defaults are the toolkit's.
public struct RedactionOptions: Sendable, Hashable {
    /// The toolkit's default whole-attribute targets: the whole input, the whole output and every metadata value.
    public static let toolkitDefaultAttributes = ["input.value", "output.value", "nat.metadata"]

    /// Key paths whose values are replaced, such as `input.api_key`, `metadata.headers.authorization` or
    /// `output.*.password`. The first segment is `input`, `output`, `chunk`, `metadata` or `*` (all four); a
    /// later `*` matches any key or array index, a number matches that array index, and `\.` is a dot inside a
    /// key.
    public var keyPaths: [String]

    /// Regular expressions (Swift `Regex` syntax) applied to every string value in input, output, chunk and
    /// metadata; each match is replaced, the rest of the string kept (`sk-[A-Za-z0-9]{20,}`). Keys are left alone.
    public var valuePatterns: [String]

    /// Whole payloads to replace, by the toolkit's attribute names: `input.value`, `output.value`,
    /// `chunk.value` and `nat.metadata` (every metadata value; the keys stay). Default none; the toolkit's
    /// targets are ``toolkitDefaultAttributes``.
    public var redactAttributes: [String]

    /// What replaces a redacted value or match (toolkit `redaction_value`, default `[REDACTED]`).
    public var replacement: String

    /// Creates options; they are checked by ``RedactionProcessor/init(options:where:)``.
    public init(
        keyPaths: [String] = [],
        valuePatterns: [String] = [],
        redactAttributes: [String] = [],
        replacement: String = "[REDACTED]"
    ) {
        self.keyPaths = keyPaths
        self.valuePatterns = valuePatterns
        self.redactAttributes = redactAttributes
        self.replacement = replacement
    }
}
