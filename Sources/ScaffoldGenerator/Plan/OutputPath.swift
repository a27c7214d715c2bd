/// Checks paths the generator produces before anything is written: every path must stay inside the output
/// directory whatever a spec or a custom template says.
public enum OutputPath {
    /// True when `path` is relative, non-empty, uses `/` separators and has no `.`, `..` or empty component.
    public static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { component in
            !component.isEmpty && component != "." && component != ".."
        }
    }

    /// The parent directories of `path`, outermost first (`a/b/c.swift` → `a`, `a/b`).
    public static func parents(of path: String) -> [String] {
        let components = path.split(separator: "/")
        guard components.count > 1 else { return [] }
        return (1..<components.count).map { components[0..<$0].joined(separator: "/") }
    }
}
