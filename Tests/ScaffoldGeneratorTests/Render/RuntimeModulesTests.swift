import ExporterYAML
import Testing

@testable import ScaffoldGenerator

@Suite("Runtime modules of a generated package")
struct RuntimeModulesTests {
    static func modules(base: String, transport: String) throws -> RuntimeModules {
        let text = "spec_version: 1\nname: x_exp\nbase: \(base)\ntransport: \(transport)\n"
        return RuntimeModules(spec: try SpecLoader.load(text: text))
    }

    @Test(
        "each base and transport gets only the modules it uses: no HTTP, zlib or protobuf for console or file",
        arguments: [
            ("span", "{kind: console}", ["ExporterCore", "ExporterEvents"]),
            ("raw", "{kind: console}", ["ExporterCodecs", "ExporterCore", "ExporterEvents"]),
            ("span", "{kind: file, path: out.jsonl}", ["ExporterCodecs", "ExporterCore", "ExporterEvents"]),
            (
                "span", "{kind: http, endpoint: 'http://127.0.0.1/x'}",
                ["ExporterCodecs", "ExporterCore", "ExporterEvents", "ExporterHTTP"]
            ),
            (
                "otel", "{kind: otlp, endpoint: 'http://127.0.0.1/v1/traces'}",
                ["ExporterCore", "ExporterEvents", "ExporterHTTP", "ExporterOTLP"]
            ),
            (
                "span", "{kind: custom}",
                ["ExporterATIF", "ExporterCodecs", "ExporterCore", "ExporterEvents", "ExporterHTTP"]
            ),
        ]
    )
    func modulesByBaseAndTransport(base: String, transport: String, expected: [String]) throws {
        let modules = try Self.modules(base: base, transport: transport)
        #expect(modules.library == expected)
        let sendsHTTP = expected.contains("ExporterHTTP")
        #expect(
            modules.testing
                == (sendsHTTP ? ["ExporterHTTPTesting", "ExporterRuntimeTesting"] : ["ExporterRuntimeTesting"])
        )
        #expect(modules.importable == Set(expected + ["ExporterDiagnostics", "ExporterYAML"]))
    }

    static let importable: Set = ["ExporterCore", "ExporterEvents", "ExporterDiagnostics", "ExporterYAML"]

    static func plan(_ files: [(path: String, text: String, ownership: GeneratedFile.Ownership)]) -> GenerationPlan {
        let generated = files.map { GeneratedFile(path: $0.path, contents: $0.text, ownership: $0.ownership) }
        let lock = ScaffoldLock(generatorVersion: "0.1.0", specText: "spec", files: generated)
        let existing = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.text) })
        return GenerationPlanner().plan(files: generated, lock: lock, existing: existing, previousLock: lock)
    }

    @Test("a file of the user's importing a runtime module the package does not depend on is named with the module")
    func staleImportOfAUserFile() {
        let plan = Self.plan([
            ("Sources/A/AHooks.swift", "import ExporterRuntime\nimport Foundation\n", .userOwned),
            ("Sources/A/ATransport.swift", "@testable import ExporterHTTP\nimport ExporterCore\n", .userOwned),
            (
                "Sources/A/AProcessor.swift", "import ExporterCore\nimport ExporterEvents\nimport MyOwnModule\n",
                .userOwned
            ),
        ])
        #expect(
            StaleImport.find(in: plan, importable: Self.importable) == [
                StaleImport(path: "Sources/A/AHooks.swift", modules: ["ExporterRuntime"]),
                StaleImport(path: "Sources/A/ATransport.swift", modules: ["ExporterHTTP"]),
            ]
        )
    }

    @Test("generated files, files not yet written and non-Swift files are not the user's to fix")
    func staleImportIgnoresWhatIsNotTheUsers() {
        let plan = Self.plan([
            ("Sources/A/Generated/A.swift", "import ExporterRuntime\n", .generated),
            ("README.md", "import ExporterRuntime\n", .userOwned),
        ])
        #expect(StaleImport.find(in: plan, importable: Self.importable).isEmpty)
        let fresh = GenerationPlanner().plan(
            files: [
                GeneratedFile(
                    path: "Sources/A/AHooks.swift",
                    contents: "import ExporterRuntime\n",
                    ownership: .userOwned
                )
            ],
            lock: ScaffoldLock(generatorVersion: "0.1.0", specText: "spec", files: []),
            existing: [:],
            previousLock: nil
        )
        #expect(StaleImport.find(in: fresh, importable: Self.importable).isEmpty)
    }
}
