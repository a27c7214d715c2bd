/// The shapes of the paths the generator names, across its versions: the only paths orphan removal may delete,
/// whatever a lock file says.
///
/// A lock is a file in the user's tree, so it is not trusted to name what may be deleted: a file listed in it
/// that is no longer generated is removed only when its path has one of these shapes (by pattern, as the names of
/// generated types change between versions), it is not a file the generation keeps (the spec, a user-owned file),
/// and its contents still hash to what the lock says was written.
public enum GeneratedLayout {
    /// True when `path` (relative to the package root) has the shape of a generated file:
    /// - `Package.swift`, `README.md`, `.scaffold/exporter.schema.json`;
    /// - `Sources/<Module>/Generated/<Name>.swift`;
    /// - `Sources/<name>-replay/main.swift`;
    /// - `Tests/<Module>Tests/<Module>Tests.swift` and `Tests/<Directory>/Generated/<Name>.swift`.
    public static func isGeneratorNamed(_ path: String) -> Bool {
        guard OutputPath.isSafe(path) else { return false }
        let parts = path.split(separator: "/").map(String.init)
        func isSwiftFile(_ name: String) -> Bool { name.hasSuffix(".swift") && name.count > ".swift".count }
        switch parts.count {
        case 1:
            return parts[0] == "Package.swift" || parts[0] == "README.md"
        case 2 where parts[0] == ".scaffold":
            return path == SpecJSONSchema.packagePath
        case 3 where parts[0] == "Sources":
            return parts[1].hasSuffix("-replay") && parts[2] == "main.swift"
        case 3 where parts[0] == "Tests":
            return parts[1].hasSuffix("Tests") && parts[2] == parts[1] + ".swift"
        case 4 where parts[0] == "Sources" || parts[0] == "Tests":
            return parts[2] == "Generated" && isSwiftFile(parts[3])
        default:
            return false
        }
    }
}
