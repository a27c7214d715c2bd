import Foundation
import PackagePlugin

/// Embeds the runtime's sources into the target that applies the plugin, as the `EmbeddedRuntime.all` dictionary
/// (path under the package, `Sources/ExporterCore/...` → text), so that `scaffold vendor --with-runtime` copies the
/// runtime this `scaffold` was built with, from the binary alone: an installed `scaffold` needs no checkout.
///
/// What is embedded follows the manifest: the targets of the products a vendored runtime offers and every target
/// they depend on (`VendoredRuntime.sourceDirectories(includingOTLP: true)`, which a test compares with it).
@main
struct EmbedRuntimePlugin: BuildToolPlugin {
    /// The vendored runtime's top-level products; everything else it holds is what they depend on.
    static let roots: Set<String> = [
        "ExporterRuntime", "ExporterOTLP", "ExporterRuntimeTesting", "ExporterHTTPTesting",
    ]

    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        // The package's own targets only: the dependencies' (swift-log, ...) resolve from their URLs as usual.
        let own = Set(context.package.targets.map(\.id))
        var embedded: [String: any Target] = [:]
        for root in context.package.targets where Self.roots.contains(root.name) {
            embedded[root.name] = root
            for dependency in root.recursiveTargetDependencies where own.contains(dependency.id) {
                embedded[dependency.name] = dependency
            }
        }
        var inputs: [URL] = []
        for name in embedded.keys.sorted() {
            // `Target.directoryURL` needs tools 6.1; the concrete kinds have it in 6.0.
            switch embedded[name] {
            case let target as SwiftSourceModuleTarget: inputs += try Self.files(under: target.directoryURL)
            case let target as SystemLibraryTarget: inputs += try Self.files(under: target.directoryURL)
            default:
                Diagnostics.error("EmbedRuntime: cannot embed target '\(name)' (neither Swift nor a system library)")
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRuntime.swift")
        let options = ["--enum", "EmbeddedRuntime", "--root", context.package.directoryURL.path(percentEncoded: false)]
        return [
            .buildCommand(
                displayName: "Embedding the runtime's \(inputs.count) source files into \(target.name)",
                executable: try context.tool(named: "embed-files").url,
                arguments: options + [output.path(percentEncoded: false)]
                    + inputs.map { $0.path(percentEncoded: false) },
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    /// Every regular file under `directory`, hidden ones (editor and build state) left out.
    static func files(under directory: URL) throws -> [URL] {
        let keys: [URLResourceKey] = [.isRegularFileKey]
        guard
            let enumerator = FileManager.default.enumerator(
                at: directory,
                includingPropertiesForKeys: keys,
                options: [.skipsHiddenFiles]
            )
        else { return [] }
        var files: [URL] = []
        for case let url as URL in enumerator where try url.resourceValues(forKeys: Set(keys)).isRegularFile == true {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }
}
