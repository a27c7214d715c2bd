import ExporterRuntimeTesting
import Foundation
import Testing

/// `scaffold new`, `generate`, `check` and `templates export` through the built binary, in a temporary directory.
@Suite("scaffold new / generate / check", .serialized)
struct GenerateCommandTests {
    static var binary: URL {
        // The test bundle lives in .build/<triple>/debug next to the `scaffold` executable.
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: directory.appendingPathComponent("scaffold").path)
        {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("scaffold")
    }

    /// The root of this checkout, which tests pass as `--runtime-path`.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The repository relative to `directory` (as `--runtime-path` given from there).
    static func repository(relativeTo directory: URL) -> String {
        let from = directory.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let to = repository.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }

    static func run(_ arguments: [String], in directory: URL) async throws -> (status: Int32, output: String) {
        let outcome = try await ChildProcess.run(binary.path, arguments, in: directory)
        return (outcome.status, outcome.output)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scaffold-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("new writes a spec with a modeline and a package that check finds up to date")
    func newThenCheck() async throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let created = try await Self.run(
            [
                "new", "exporter", "acme_demo", "--base", "span", "--transport", "file", "--field", "batch_size:int=50",
                "--yes", "--runtime-path", Self.repository(relativeTo: root),
            ],
            in: root
        )
        #expect(created.status == 0, "\(created.output)")
        let package = root.appendingPathComponent("acme_demo")
        let spec = try String(contentsOf: package.appendingPathComponent("exporter.yaml"), encoding: .utf8)
        #expect(spec.hasPrefix("# yaml-language-server: $schema=.scaffold/exporter.schema.json\n"))
        for path in ["Package.swift", ".scaffold/lock.json", "Sources/AcmeDemo/Generated/AcmeDemoConfiguration.swift"] {
            #expect(FileManager.default.fileExists(atPath: package.appendingPathComponent(path).path), "\(path)")
        }
        let manifest = try String(contentsOf: package.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(
            manifest.contains(".package(name: \"exporter-scaffold\", path: \"../"),
            "the runtime is referenced relatively: \(manifest)"
        )
        let check = try await Self.run(["check", root.path], in: root)
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("up to date"))
    }

    @Test("a hand edit is refused and reported by check; --force overwrites; unchanged files keep their mtime")
    func noClobber() async throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(
            try await Self.run(
                ["new", "exporter", "acme_edit", "--runtime-path", GenerateCommandTests.repository.path, "--yes"],
                in: root
            ).status == 0
        )
        let package = root.appendingPathComponent("acme_edit")
        let spec = package.appendingPathComponent("exporter.yaml").path
        let generated = package.appendingPathComponent("Sources/AcmeEdit/Generated/AcmeEditEventExporter.swift")
        let hooks = package.appendingPathComponent("Sources/AcmeEdit/AcmeEditHooks.swift")
        let readme = package.appendingPathComponent("README.md")
        let readmeDate = try FileManager.default.attributesOfItem(atPath: readme.path)[.modificationDate] as? Date
        try Data("// mine\n".utf8).write(to: hooks)
        try Data("// edited by hand\n".utf8).write(to: generated)

        let refused = try await Self.run(["generate", spec], in: root)
        #expect(refused.status == 1)
        #expect(refused.output.contains("AcmeEditEventExporter.swift"))
        #expect(try String(contentsOf: generated, encoding: .utf8) == "// edited by hand\n")

        let check = try await Self.run(["check", spec], in: root)
        #expect(check.status == 1)
        #expect(check.output.contains("hand-edited"))

        let dryRun = try await Self.run(["generate", spec, "--force", "--dry-run"], in: root)
        #expect(dryRun.status == 0)
        #expect(dryRun.output.contains("-// edited by hand"))
        #expect(try String(contentsOf: generated, encoding: .utf8) == "// edited by hand\n")

        let forced = try await Self.run(["generate", spec, "--force"], in: root)
        #expect(forced.status == 0, "\(forced.output)")
        #expect(try String(contentsOf: generated, encoding: .utf8) != "// edited by hand\n")
        #expect(try String(contentsOf: hooks, encoding: .utf8) == "// mine\n")
        let readmeDateAfter = try FileManager.default.attributesOfItem(atPath: readme.path)[.modificationDate] as? Date
        #expect(readmeDate == readmeDateAfter)
        #expect(try await Self.run(["check", spec], in: root).status == 0)
    }

    @Test("templates export writes every built-in template, each starting with the pragma")
    func templatesExport() async throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try await Self.run(["templates", "export", "tpl"], in: root)
        #expect(result.status == 0, "\(result.output)")
        let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("tpl").path)
        #expect(names.contains("Package.swift.mustache"))
        for name in names {
            let text = try String(contentsOf: root.appendingPathComponent("tpl/\(name)"), encoding: .utf8)
            #expect(text.hasPrefix("{{%CONTENT_TYPE: TEXT}}\n"))
        }
    }
}
