import Foundation
import PackagePlugin

/// `swift package scaffold-generate [generate options]`: regenerates every `exporter.yaml` in the package (build
/// directories and hidden directories excluded) with the `scaffold` tool. Extra arguments (`--dry-run`,
/// `--force`, `--templates DIR`) are passed on to `scaffold generate`.
@main
struct ScaffoldGeneratePlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let root = context.package.directoryURL
        let specs = Self.specs(under: root)
        guard !specs.isEmpty else {
            print("scaffold-generate: no exporter.yaml under \(root.path(percentEncoded: false))")
            return
        }
        let tool = try context.tool(named: "scaffold")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["generate"] + specs.map { $0.path(percentEncoded: false) } + arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            Diagnostics.error("scaffold generate failed with status \(process.terminationStatus)")
            throw ScaffoldGenerateError.failed(status: process.terminationStatus)
        }
    }

    /// Every `exporter.yaml` below `root`, sorted, skipping `.build`-style and hidden directories.
    static func specs(under root: URL) -> [URL] {
        let keys: [URLResourceKey] = [.isDirectoryKey]
        guard
            let enumerator = FileManager.default.enumerator(
                at: root,
                includingPropertiesForKeys: keys,
                options: [.skipsHiddenFiles]
            )
        else { return [] }
        var found: [URL] = []
        for case let url as URL in enumerator {
            let name = url.lastPathComponent
            if (try? url.resourceValues(forKeys: Set(keys)).isDirectory) == true {
                if name.hasPrefix(".build") || name == "Vendor" { enumerator.skipDescendants() }
                continue
            }
            if name == "exporter.yaml" { found.append(url) }
        }
        return found.sorted { $0.path < $1.path }
    }
}

/// Why the plugin failed.
enum ScaffoldGenerateError: Error, CustomStringConvertible {
    case failed(status: Int32)

    var description: String {
        switch self {
        case .failed(let status): "scaffold generate exited with status \(status)"
        }
    }
}
