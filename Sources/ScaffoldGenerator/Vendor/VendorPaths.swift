/// Which files of a package directory belong to a vendored copy.
public enum VendorPaths {
    /// The directory under the project that holds vendored packages.
    public static let vendorDirectory = "Vendor"

    /// True for build products and local state that never travel with a package: `.build*`, `.swiftpm`, `.git`
    /// at any depth, and `Package.resolved`.
    public static func isLocalState(_ path: String) -> Bool {
        let components = path.split(separator: "/")
        if components.contains(where: { $0.hasPrefix(".build") || $0 == ".swiftpm" || $0 == ".git" }) {
            return true
        }
        return path == "Package.resolved"
    }

    /// True when the file at `path` of the source package is copied as it is: everything but local state, the
    /// lock and a previous vendor record (both written anew for the copy).
    public static func isCopiedFromSource(_ path: String) -> Bool {
        !isLocalState(path) && path != ScaffoldLock.path && path != VendorRecord.path
    }

    /// True when the file at `path` of an existing vendored copy counts for its hand-edit check.
    public static func isRecorded(_ path: String) -> Bool {
        !isLocalState(path) && path != VendorRecord.path
    }
}

/// What to add to the project's `Package.swift` after vendoring.
public struct VendorInstructions: Sendable, Hashable {
    /// Lines for the package's `dependencies:`.
    public var packageLines: [String]
    /// Lines for the target's `dependencies:`.
    public var productLines: [String]

    /// The lines for an exporter vendored at `packagePath` (relative to the project) whose library is `module`,
    /// and for the runtime it depends on, as seen from the project (`runtime`, identity `runtimePackage`).
    public init(packagePath: String, module: String, runtime: RuntimeDependency, runtimePackage: String) {
        let identity = packagePath.split(separator: "/").last.map(String.init) ?? packagePath
        let runtimeLine: String =
            switch runtime {
            case .path(let path):
                // Named when its directory is not (see the generated Package.swift).
                GeneratorOptions.packageIdentity(of: runtime) == runtimePackage
                    ? ".package(path: \(RenderSyntax.literal(path))),"
                    : ".package(name: \(RenderSyntax.literal(runtimePackage)), path: \(RenderSyntax.literal(path))),"
            case .url(let url, let version):
                ".package(url: \(RenderSyntax.literal(url)), from: \(RenderSyntax.literal(version))),"
            }
        packageLines = [".package(path: \(RenderSyntax.literal(packagePath))),", runtimeLine]
        productLines = [
            ".product(name: \(RenderSyntax.literal(module)), package: \(RenderSyntax.literal(identity))),",
            ".product(name: \"ExporterRuntime\", package: \(RenderSyntax.literal(runtimePackage))),",
        ]
    }

    /// The instructions as printed.
    public var text: String {
        (["Add to the project's Package.swift, in the package's dependencies:"]
            + packageLines.map { "    " + $0 }
            + ["and in the dependencies of the target that registers the exporter:"]
            + productLines.map { "    " + $0 }).joined(separator: "\n")
    }
}
