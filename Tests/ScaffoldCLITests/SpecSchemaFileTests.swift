import ExporterRuntimeTesting
import Foundation
import ScaffoldGenerator
import Testing

/// Editor support stays true: every spec starts with the modeline, the schema it points at is a generated file
/// of the package, recorded in the lock and refreshed by `generate` when the generator's schema changed.
@Suite("spec schema file", .serialized)
struct SpecSchemaFileTests {
    @Test("every example spec, vendored copy included, starts with the modeline; its schema is the generator's")
    func examplesHaveModelines() throws {
        let examples = GenerateCommandTests.repository.appendingPathComponent("Examples")
        let specs = CheckCommandSpecs.find(in: examples)
        #expect(specs.count >= 13, "\(specs)")
        for spec in specs {
            let text = try String(contentsOfFile: spec, encoding: .utf8)
            #expect(text.hasPrefix(SpecJSONSchema.modeline + "\n"), "\(spec)")
            let schema = URL(fileURLWithPath: spec).deletingLastPathComponent()
                .appendingPathComponent(SpecJSONSchema.packagePath)
            #expect(try String(contentsOf: schema, encoding: .utf8) == SpecJSONSchema.text + "\n", "\(spec)")
        }
    }

    @Test("a schema from an older generator is drift for check and refreshed by generate, which records it")
    func staleSchemaRefreshed() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let spec = try await ReportFormatTests.package("acme_schema", in: root)
        let package = root.appendingPathComponent("acme_schema")
        let schema = package.appendingPathComponent(SpecJSONSchema.packagePath)
        let lockURL = package.appendingPathComponent(ScaffoldLock.path)
        let lock = try ScaffoldLock.decode(String(contentsOf: lockURL, encoding: .utf8), file: lockURL.path)
        #expect(lock.files[SpecJSONSchema.packagePath] == SHA256.hexDigest(of: SpecJSONSchema.text + "\n"))

        // What an older scaffold left: another schema, recorded in the lock as generated.
        let older = "{\"title\": \"exporter.yaml, as an older scaffold knew it\"}\n"
        try Data(older.utf8).write(to: schema)
        var stale = lock
        stale.files[SpecJSONSchema.packagePath] = SHA256.hexDigest(of: older)
        try Data(stale.encoded().utf8).write(to: lockURL)
        let check = try await GenerateCommandTests.run(["check", spec], in: root)
        #expect(check.status == 1, "\(check.output)")
        #expect(check.output.contains("changed      .scaffold/exporter.schema.json"), "\(check.output)")
        let generate = try await GenerateCommandTests.run(["generate", spec], in: root)
        #expect(generate.status == 0, "\(generate.output)")
        #expect(generate.output.contains("update    .scaffold/exporter.schema.json  (outdated)"), "\(generate.output)")
        #expect(try String(contentsOf: schema, encoding: .utf8) == SpecJSONSchema.text + "\n")
        #expect(try await GenerateCommandTests.run(["check", spec], in: root).status == 0)
    }

    @Test("scaffold 0.1 wrote the schema without recording it: generate takes it over instead of refusing it")
    func untrackedSchemaAdopted() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let spec = try await ReportFormatTests.package("acme_adopt", in: root)
        let package = root.appendingPathComponent("acme_adopt")
        let lockURL = package.appendingPathComponent(ScaffoldLock.path)
        var lock = try ScaffoldLock.decode(String(contentsOf: lockURL, encoding: .utf8), file: lockURL.path)
        lock.files[SpecJSONSchema.packagePath] = nil
        try Data(lock.encoded().utf8).write(to: lockURL)
        try Data("{}\n".utf8).write(to: package.appendingPathComponent(SpecJSONSchema.packagePath))
        let generate = try await GenerateCommandTests.run(["generate", spec], in: root)
        #expect(generate.status == 0, "\(generate.output)")
        #expect(generate.output.contains("update    .scaffold/exporter.schema.json"), "\(generate.output)")
        // A generated file of any other path in the way is still refused.
        try Data("// mine\n".utf8).write(to: package.appendingPathComponent("README.md"))
        lock = try ScaffoldLock.decode(String(contentsOf: lockURL, encoding: .utf8), file: lockURL.path)
        lock.files["README.md"] = nil
        try Data(lock.encoded().utf8).write(to: lockURL)
        #expect(try await GenerateCommandTests.run(["generate", spec], in: root).status == 1)
    }

    @Test("shell completions complete enum values and file paths")
    func completions() async throws {
        let directory = FileManager.default.temporaryDirectory
        let bash = try await GenerateCommandTests.run(["--generate-completion-script", "bash"], in: directory)
        #expect(bash.status == 0)
        // The enum values, each list as the bash script writes it: one word per line.
        for words in [["raw", "span", "otel"], ["intermediate_step", "atof"], ["text", "json"]] {
            let list = "-W " + words.map { "'\($0)'" }.joined(separator: #"$'\n'"#)
            #expect(bash.output.contains(list), "\(list)")
        }
        // Specs and workflow files complete as YAML files, directories as directories.
        #expect(bash.output.contains("-fX '!*.@(yaml|yml)'"))
        #expect(bash.output.contains("__scaffold_add_completions -d"))
        let zsh = try await GenerateCommandTests.run(["--generate-completion-script", "zsh"], in: directory)
        #expect(zsh.output.contains(#"'*:specs:_files -g '\''*.yaml *.yml'\'''"#))
        #expect(zsh.output.contains(":dir:_files -/'"))
    }
}

/// The example specs, as `scaffold check DIR` finds them.
enum CheckCommandSpecs {
    static func find(in directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            return []
        }
        var found: [String] = []
        for case let url as URL in enumerator {
            if url.hasDirectoryPath, url.lastPathComponent.hasPrefix(".build") { enumerator.skipDescendants() }
            if url.lastPathComponent == "exporter.yaml" { found.append(url.path) }
        }
        return found.sorted()
    }
}
