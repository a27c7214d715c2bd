import Foundation
import PackagePlugin

/// Embeds the package's top-level `Templates/*.mustache` into the target that applies the plugin, as the
/// `EmbeddedTemplates.all` dictionary (name without `.mustache` → text) in a generated source file.
@main
struct EmbedTemplatesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "Templates")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: templates.path(percentEncoded: false))) ?? []
        let inputs = names.filter { $0.hasSuffix(".mustache") }.sorted().map { templates.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
        let options = [
            "--enum", "EmbeddedTemplates", "--root", templates.path(percentEncoded: false),
            "--strip-extension", ".mustache",
        ]
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) templates into \(target.name)",
                executable: try context.tool(named: "embed-files").url,
                arguments: options + [output.path(percentEncoded: false)]
                    + inputs.map { $0.path(percentEncoded: false) },
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
