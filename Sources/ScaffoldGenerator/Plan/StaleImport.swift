/// A file of the user's that imports a runtime module the regenerated package no longer depends on, so that the
/// package would not build (for example `import ExporterRuntime` in a hooks file written before the runtime was
/// split into modules).
public struct StaleImport: Sendable, Hashable {
    /// The file, relative to the package.
    public var path: String
    /// The modules it imports that the package does not depend on.
    public var modules: [String]

    /// The user-owned Swift files of `plan` that import a runtime module (`Exporter…`) outside `importable`.
    public static func find(in plan: GenerationPlan, importable: Set<String>) -> [StaleImport] {
        plan.changes.compactMap { change in
            guard change.ownership == .userOwned, change.path.hasSuffix(".swift"), let text = change.current else {
                return nil
            }
            let stale = importedModules(in: text).filter { $0.hasPrefix("Exporter") && !importable.contains($0) }
            return stale.isEmpty ? nil : StaleImport(path: change.path, modules: stale)
        }
    }

    /// The modules of the file's top-level `import` declarations (attributes such as `@testable` allowed).
    static func importedModules(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
            guard words.count == 2, words[0] == "import" else { return nil }
            return String(words[1])
        }
    }
}
