/// What the renderer needs besides the spec: decisions the CLI makes from its environment.
public struct GeneratorOptions: Sendable, Hashable {
    /// How the generated package depends on the runtime, as written into its `Package.swift` (a path relative to
    /// the package when both are local).
    public var runtime: RuntimeDependency
    /// The runtime package's identity (`exporter-scaffold`): the last path component of its path or URL.
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

    /// The identity SwiftPM gives a dependency: the last component of its path or URL, without `.git`.
    public static func packageIdentity(of dependency: RuntimeDependency) -> String {
        let location: String
        switch dependency {
        case .path(let path): location = path
        case .url(let url, _): location = url
        }
        let last = location.split(separator: "/").last { $0 != "." && !$0.isEmpty }.map(String.init) ?? location
        return last.hasSuffix(".git") ? String(last.dropLast(4)) : last
    }
}
