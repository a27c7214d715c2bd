/// The runtime modules a generated package depends on, by its base and transport: events and the core always, the
/// codecs for event serializers, files and HTTP bodies, HTTP for `http` and `otlp`, and ExporterOTLP (with
/// swift-protobuf) only for `otlp`. A console exporter so compiles no HTTP client, no zlib and no protobuf. A
/// `custom` transport is the user's code, which may use any sink of the runtime (`ATIFFileSink`, `HTTPExportSink`,
/// ...): it gets every module but OTLP.
public struct RuntimeModules: Sendable, Hashable {
    /// The runtime modules the exporter's own code uses, sorted.
    public var library: [String]

    /// The runtime's test helpers: `ExporterHTTPTesting`'s loopback server for the packages that send HTTP.
    public var testing: [String]

    /// What the replay tool adds: it reads traces (the codecs) and knows the built-in `console` and `file` types.
    public static let replay = ["ExporterCodecs", "ExporterCore"]

    /// The modules of `spec`'s package.
    public init(spec: ExporterSpec) {
        let transport = spec.transport.kind
        var modules: Set = ["ExporterCore", "ExporterEvents"]
        if spec.base == .raw || transport == .file || transport == .http { modules.insert("ExporterCodecs") }
        if transport == .http || transport == .otlp { modules.insert("ExporterHTTP") }
        if transport == .otlp { modules.insert("ExporterOTLP") }
        if transport == .custom { modules.formUnion(["ExporterATIF", "ExporterCodecs", "ExporterHTTP"]) }
        library = modules.sorted()
        testing =
            modules.contains("ExporterHTTP")
            ? ["ExporterHTTPTesting", "ExporterRuntimeTesting"] : ["ExporterRuntimeTesting"]
    }

    /// The library target's products: the runtime modules, diagnostics and YAML.
    public var libraryProducts: [String] { (library + ["ExporterDiagnostics", "ExporterYAML"]).sorted() }

    /// Every module of the runtime package that a file of the package's library target may import.
    public var importable: Set<String> { Set(libraryProducts) }
}
