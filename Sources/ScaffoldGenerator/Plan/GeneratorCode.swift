/// Stable codes of the generator's diagnostics (rendering, planning and writing), prefix `GEN`.
public enum GeneratorCode {
    /// A template is missing, does not parse, or does not start with the text content-type pragma.
    public static let badTemplate = "GEN001"
    /// A generated path would leave the output directory.
    public static let unsafePath = "GEN002"
    /// A hand-edited generated file (or a file not made by scaffold) is in the way.
    public static let refused = "GEN003"
    /// A file or directory could not be read or written.
    public static let io = "GEN004"
    /// The spec cannot be rendered as asked (for example a transport this generator does not support yet).
    public static let unsupported = "GEN005"
    /// `.scaffold/lock.json` cannot be read.
    public static let unreadableLock = "GEN010"
}
