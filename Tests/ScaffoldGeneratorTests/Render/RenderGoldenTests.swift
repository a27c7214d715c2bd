import ExporterDiagnostics
import Foundation
import Testing

@testable import ScaffoldGenerator

/// The generated packages of the fixture specs, compared file by file with `Golden/<case>/`; `SCAFFOLD_RECORD=1`
/// re-records them.
@Suite("Render golden files")
struct RenderGoldenTests {
    static let goldenRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    @Test("each fixture renders as recorded", arguments: RenderFixtures.all.map(\.name))
    func golden(name: String) throws {
        let spec = try #require(RenderFixtures.all.first { $0.name == name }?.spec)
        let files = try ExporterRenderer(options: RenderFixtures.options()).render(spec)
        let directory = Self.goldenRoot.appendingPathComponent(name)
        let manager = FileManager.default
        if ProcessInfo.processInfo.environment["SCAFFOLD_RECORD"] == "1" {
            try? manager.removeItem(at: directory)
            for file in files {
                let url = directory.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
            }
        }
        for file in files {
            let url = directory.appendingPathComponent(file.path)
            let recorded = try? String(contentsOf: url, encoding: .utf8)
            #expect(
                recorded == file.contents,
                "\(name)/\(file.path) differs from the golden file; SCAFFOLD_RECORD=1 re-records"
            )
        }
        let recordedPaths = Self.files(under: directory).sorted()
        #expect(recordedPaths == files.map(\.path).sorted())
    }

    @Test("rendering twice gives identical bytes", arguments: RenderFixtures.all.map(\.name))
    func deterministic(name: String) throws {
        let spec = try #require(RenderFixtures.all.first { $0.name == name }?.spec)
        let first = try ExporterRenderer(options: RenderFixtures.options()).render(spec)
        let second = try ExporterRenderer(options: RenderFixtures.options()).render(spec)
        #expect(first == second)
        #expect(first.allSatisfy { OutputPath.isSafe($0.path) })
        #expect(first.allSatisfy { !$0.contents.contains("/work/") && !$0.contents.contains("&quot;") })
    }

    @Test("every template starts with the text content-type pragma")
    func templatesFirstLine() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.hasSuffix(".mustache")
        }
        #expect(!names.isEmpty)
        for name in names {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            #expect(
                text.split(separator: "\n", omittingEmptySubsequences: false).first == "{{%CONTENT_TYPE: TEXT}}",
                "\(name)"
            )
        }
        #expect(Set(TemplateSet.builtIn.keys) == Set(names.map { String($0.dropLast(".mustache".count)) }))
    }

    @Test("an override without the pragma is refused")
    func overrideWithoutPragma() {
        #expect(throws: DiagnosticError.self) {
            try TemplateSet(overrides: ["Hooks.swift": "struct X {}\n"])
        }
        #expect(throws: DiagnosticError.self) {
            try TemplateSet(overrides: ["NoSuchTemplate": "{{%CONTENT_TYPE: TEXT}}\n"])
        }
    }

    @Test("an override replaces its built-in template")
    func override() throws {
        var options = RenderFixtures.options()
        options.templateOverrides = ["Hooks.swift": "{{%CONTENT_TYPE: TEXT}}\n// hooks of {{module}} & <ok>\n"]
        let files = try ExporterRenderer(options: options).render(RenderFixtures.rawFile)
        let hooks = try #require(files.first { $0.path == "Sources/AcmeRaw/AcmeRawHooks.swift" })
        #expect(hooks.contents == "// hooks of AcmeRaw & <ok>\n")
        #expect(hooks.ownership == .userOwned)
    }

    static func files(under directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            return []
        }
        var paths: [String] = []
        let prefix = directory.standardizedFileURL.path + "/"
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            paths.append(String(url.standardizedFileURL.path.dropFirst(prefix.count)))
        }
        return paths
    }
}

@Suite("Rendered pipeline")
struct RenderedPipelineTests {
    @Test("Pipeline.build gets `try` only when a stage can throw (a needless `try` is a compiler warning)")
    func tryOnlyWhenAStageThrows() throws {
        var spec = RenderFixtures.spanConsole
        spec.processors = []
        let plain = try ExporterRenderer(options: RenderFixtures.options()).render(spec)
        let plainExporter = try #require(plain.first { $0.path.hasSuffix("Generated/AcmeSpanSpanExporter.swift") })
        #expect(plainExporter.contents.contains("return Pipeline.build {"))

        let batched = try ExporterRenderer(options: RenderFixtures.options()).render(RenderFixtures.spanConsole)
        let batchedExporter = try #require(batched.first { $0.path.hasSuffix("Generated/AcmeSpanSpanExporter.swift") })
        #expect(batchedExporter.contents.contains("return try Pipeline.build {"))
    }
}
