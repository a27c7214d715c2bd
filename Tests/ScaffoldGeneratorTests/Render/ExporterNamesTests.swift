import Testing

@testable import ScaffoldGenerator

@Suite("Swift names of a generated package")
struct ExporterNamesTests {
    @Test(
        "the stem is the module without a trailing Exporter, when something remains",
        arguments: [
            ("PhoenixExporter", "Phoenix"), ("FileJSONL", "FileJSONL"), ("Exporter", "Exporter"),
            ("ExporterExporter", "Exporter"), ("MyExporters", "MyExporters"),
        ]
    )
    func stem(module: String, stem: String) {
        #expect(ExporterNames(module: module, base: .span).stem == stem)
    }

    @Test("no type equals its module, or starts with it when it ends in Exporter", arguments: ExporterBase.allCases)
    func noStutter(base: ExporterBase) {
        for module in ["PhoenixExporter", "Exporter", "SpanExporter", "EventExporter", "Span", "Acme", "AcmeSpan"] {
            let names = ExporterNames(module: module, base: base)
            let types = [
                names.configuration, names.exporter, names.hooks, names.transport, names.encoder,
                names.notImplemented,
            ]
            #expect(!types.contains(module), "\(module): \(types)")
            #expect(!types.contains(module + "Tests"), "\(module): \(types)")
            // `Exporter` alone has nothing to drop: its types start with it (`ExporterConfiguration`).
            if module.hasSuffix("Exporter"), module != "Exporter" {
                #expect(!types.contains { $0.hasPrefix(module) }, "\(module): \(types)")
            }
        }
    }

    @Test("the exporter says what it exports; its registration never clashes with a built-in one")
    func exporter() {
        #expect(ExporterNames(module: "PhoenixExporter", base: .otel).exporter == "PhoenixSpanExporter")
        #expect(ExporterNames(module: "FileJSONL", base: .raw).exporter == "FileJSONLEventExporter")
        #expect(ExporterNames(module: "FileExporter", base: .raw).register == "registerFileEventExporter")
    }

    @Test("a package of an earlier generation keeps its hooks, and gets aliases only for old names still used")
    func legacyUserSources() throws {
        var spec = RenderFixtures.spanConsole
        spec.module = "AcmeSpanExporter"
        let hooks = "Sources/AcmeSpanExporter/AcmeSpanExporterHooks.swift"
        let hooksText =
            "struct AcmeSpanExporterHooks: Sendable {\n    let configuration: AcmeSpanExporterConfiguration\n}\n"
        let renderer = try ExporterRenderer(options: RenderFixtures.options())

        let migrated = try renderer.render(spec, userSources: UserSources(files: [hooks: hooksText]))
        let paths = migrated.map(\.path)
        #expect(paths.contains(hooks) && !paths.contains("Sources/AcmeSpanExporter/AcmeSpanHooks.swift"))
        let exporter = try #require(migrated.first { $0.path.hasSuffix("Generated/AcmeSpanSpanExporter.swift") })
        #expect(exporter.contents.contains("let hooks = AcmeSpanExporterHooks(configuration: configuration"))
        let aliases = try #require(migrated.first { $0.path.hasSuffix("Generated/AcmeSpanDeprecatedNames.swift") })
        #expect(aliases.contents.contains("public typealias AcmeSpanExporterConfiguration = AcmeSpanConfiguration"))
        #expect(!aliases.contents.contains("AcmeSpanExporterBlueprint"))
        #expect(!aliases.contents.contains("extension ExporterRegistry"))

        let fresh = try renderer.render(spec).map(\.path)
        #expect(fresh.contains("Sources/AcmeSpanExporter/AcmeSpanHooks.swift"))
        #expect(!fresh.contains { $0.contains("DeprecatedNames") })
    }
}
