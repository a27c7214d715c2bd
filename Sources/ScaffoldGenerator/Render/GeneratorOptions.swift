/// What the renderer needs besides the spec: decisions the CLI makes from its environment.
public struct GeneratorOptions: Sendable, Hashable {
    /// How the generated package depends on the runtime, as written into its `Package.swift` (a path relative to
    /// the package when both are local).
    public var runtime: RuntimeDependency
    /// The name the generated manifest refers to the runtime by (`exporter-scaffold`); see
    /// ``packageIdentity(of:)``.
    public var runtimePackage: String
    /// The `scaffold` version, written into file headers and the lock.
    public var generatorVersion: String
    /// The spec's file name as headers name it (`exporter.yaml`).
    public var specFileName: String
    /// Templates that replace built-in ones of the same name (from `--templates DIR`).
    public var templateOverrides: [String: String]

    /// Creates options.
    public init(
        runtime: RuntimeDependency,
        runtimePackage: String? = nil,
        generatorVersion: String,
        specFileName: String = "exporter.yaml",
        templateOverrides: [String: String] = [:]
    ) {
        self.runtime = runtime
        self.runtimePackage = runtimePackage ?? Self.packageIdentity(of: runtime)
        self.generatorVersion = generatorVersion
        self.specFileName = specFileName
        self.templateOverrides = templateOverrides
    }

    /// The runtime's own package name, which a path dependency states with `name:`.
    public static let runtimePackageName = "exporter-scaffold"

    /// The name a generated manifest refers to the runtime by. A path dependency is declared with
    /// `.package(name: "exporter-scaffold", path: ...)`, so the checkout's directory may be called anything (a CI
    /// clone, a worktree) and the generated files do not change with it; a URL dependency is known by the identity
    /// SwiftPM derives from the URL: its last component without `.git`.
    public static func packageIdentity(of dependency: RuntimeDependency) -> String {
        switch dependency {
        case .path:
            return runtimePackageName
        case .url(let url, _):
            let last = url.split(separator: "/").last { $0 != "." && !$0.isEmpty }.map(String.init) ?? url
            return last.hasSuffix(".git") ? String(last.dropLast(4)) : last
        }
    }
}
