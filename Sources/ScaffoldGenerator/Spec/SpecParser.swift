import ExporterDiagnostics
import ExporterYAML

/// Walks a YAML tree into an `ExporterSpec`, checking every rule of the format and collecting every problem
/// rather than stopping at the first.
///
/// Config fields are read first whatever their place in the document, so that `${field}` references elsewhere
/// can be checked in the same walk.
struct SpecParser {
    let file: String?
    private(set) var diagnostics: [Diagnostic] = []
    /// Declared field names with their types; nil when the field was declared but its type is broken, so that
    /// references to it are not reported a second time.
    var declaredFields: [String: FieldType?] = [:]
    /// Field names in declaration order, for did-you-mean hints.
    var declaredFieldOrder: [String] = []
    var base: ExporterBase?

    init(file: String?) {
        self.file = file
    }

    /// Diagnostics by position; location-less ones last, ties in the order found.
    var sortedDiagnostics: [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let left = lhs.element.location.map { ($0.line, $0.column) } ?? (.max, .max)
            let right = rhs.element.location.map { ($0.line, $0.column) } ?? (.max, .max)
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
    }

    func location(_ node: YAMLNode) -> SourceLocation {
        var location = node.location
        if let file { location.file = file }
        return location
    }

    mutating func report(
        _ code: DiagnosticCode,
        _ message: String,
        at location: SourceLocation,
        hint: String? = nil
    ) {
        diagnostics.append(.error(code, message, at: location, hint: hint))
    }

    mutating func parse(_ node: YAMLNode) -> ExporterSpec? {
        guard let root = entries(of: node, SpecGrammar.root) else { return nil }

        var specVersion: Int?
        if let value = root["spec_version"] {
            specVersion = value.intValue
            if specVersion != 1 {
                report(
                    .specUnsupportedSpecVersion,
                    "unsupported spec_version '\(value.scalar?.value ?? "")'",
                    at: location(value),
                    hint: "this scaffold reads spec_version: 1"
                )
            }
        }
        let name = root["name"].flatMap { parseName($0) }
        let module = parseModule(root["module"], name: name, nameNode: root["name"])
        let description = root["description"].flatMap { text($0, "description") } ?? ""
        var version = ExporterSpec.defaultVersion
        if let node = root["version"], let text = text(node, "version") {
            if SpecSyntax.isSemanticVersion(text) {
                version = text
            } else {
                report(
                    .specInvalidVersion,
                    "'\(text)' is not a semantic version",
                    at: location(node),
                    hint: "write MAJOR.MINOR.PATCH, such as 0.1.0"
                )
            }
        }
        if let node = root["base"] {
            base = choice(node, SpecCatalog.bases.map(\.name), .specUnknownBase, "base").flatMap(
                ExporterBase.init(rawValue:)
            )
        }
        let fields = parseConfig(root["config"])
        let processors = root["processors"].map { parseProcessors($0) } ?? []
        let transport = root["transport"].flatMap { parseTransport($0) }
        let runtime = root["runtime"].flatMap { parseRuntime($0) }
        let tracingBridge = root["tracing"].flatMap { parseTracing($0) } ?? false

        guard diagnostics.isEmpty, specVersion == 1, let name, let module, let base, let transport else { return nil }
        return ExporterSpec(
            specVersion: 1,
            name: name,
            module: module.name,
            moduleWasDerived: module.derived,
            description: description,
            version: version,
            base: base,
            fields: fields,
            processors: processors,
            transport: transport,
            runtime: runtime,
            tracingBridge: tracingBridge,
            location: location(node),
            nameLocation: root["name"].map(location),
            moduleLocation: (root["module"] ?? root["name"]).map(location),
            baseLocation: root["base"].map(location),
            runtimeLocation: root["runtime"].map(location)
        )
    }

    /// Built-in exporter `_type`s a generated exporter must not shadow.
    static let builtInTypeNames: Set<String> = ["console", "file", "otelcollector", "atif"]

    /// Modules a generated package imports or ships beside; a module of the same name would not build.
    static let reservedModules: Set<String> = [
        "ExporterRuntime", "ExporterRuntimeTesting", "ExporterYAML", "ExporterDiagnostics", "ExporterOTLP",
        "ExporterEvents", "ExporterCore", "ExporterCodecs", "ExporterHTTP", "ExporterATIF", "ExporterHTTPTesting",
        "ExporterService",
        "ScaffoldGenerator", "ScaffoldCLI", "CYAML", "CZlib", "Swift", "Foundation", "FoundationEssentials", "Dispatch",
        "Glibc", "Musl", "Darwin", "Synchronization", "Logging", "ServiceLifecycle", "SwiftProtobuf",
        "ArgumentParser", "Testing", "XCTest",
    ]

    private mutating func parseName(_ node: YAMLNode) -> String? {
        guard let name = text(node, "name") else { return nil }
        guard SpecSyntax.isSnakeCaseName(name) else {
            report(
                .specInvalidName,
                "'\(name)' is not a valid exporter name",
                at: location(node),
                hint:
                    "use lower-case letters, digits and '_', starting with a letter: \(SpecSyntax.suggestedSnakeCase(name))"
            )
            return nil
        }
        guard !Self.builtInTypeNames.contains(name) else {
            report(
                .specInvalidName,
                "'\(name)' is the name of a built-in exporter",
                at: location(node),
                hint: "choose another name, such as '\(name)_exporter'"
            )
            return nil
        }
        return name
    }

    /// The module: written (validated) or derived from `name` by `SwiftIdentifier.upperCamelCase(_:)`.
    private mutating func parseModule(
        _ node: YAMLNode?,
        name: String?,
        nameNode: YAMLNode?
    ) -> (name: String, derived: Bool)? {
        if let node {
            guard let module = text(node, "module") else { return nil }
            if let problem = moduleProblem(module) {
                report(
                    .specInvalidModule,
                    "module \(problem)",
                    at: location(node),
                    hint: "write an UpperCamelCase Swift identifier, such as 'AcmeExporter'"
                )
                return nil
            }
            return (module, false)
        }
        guard let name, let nameNode else { return nil }
        let derived = SwiftIdentifier.upperCamelCase(name)
        if let problem = moduleProblem(derived) {
            report(
                .specInvalidModule,
                "the module name derived from '\(name)': \(problem)",
                at: location(nameNode),
                hint: "add 'module:' with a valid Swift identifier"
            )
            return nil
        }
        return (derived, true)
    }

    /// Types of the runtime whose names a module's stem could produce (`WorkflowExporter` → `WorkflowConfiguration`),
    /// which the package's own type would hide from the generated code.
    static let runtimeTypeNames: Set<String> = [
        "WorkflowConfiguration", "ConsoleExporterConfiguration", "FileExporterConfiguration",
        "OTLPExporterConfiguration", "ATIFExporterConfiguration",
    ]

    private func moduleProblem(_ module: String) -> String? {
        if let problem = SwiftIdentifier.typeNameProblem(module) { return problem }
        if Self.reservedModules.contains(module) { return "'\(module)' clashes with a module the package uses" }
        // Every base gives the same configuration name; the exporter's never clashes (see ExporterNames).
        let configuration = ExporterNames(module: module, base: .raw).configuration
        if Self.runtimeTypeNames.contains(configuration) {
            return "'\(module)' names its configuration '\(configuration)', a type of the runtime"
        }
        return nil
    }

    /// `tracing.bridge`, or nil when absent or reported.
    private mutating func parseTracing(_ node: YAMLNode) -> Bool? {
        guard let tracing = entries(of: node, SpecGrammar.tracing) else { return nil }
        return tracing["bridge"].flatMap { bool($0, "tracing.bridge") }
    }

    private mutating func parseRuntime(_ node: YAMLNode) -> RuntimeDependency? {
        let reportedBefore = diagnostics.count
        guard let runtime = entries(of: node, SpecGrammar.runtime) else { return nil }
        let path = runtime["path"].flatMap { text($0, "runtime.path") }
        let url = runtime["url"].flatMap { text($0, "runtime.url") }
        let from = runtime["from"].flatMap { text($0, "runtime.from") }
        guard diagnostics.count == reportedBefore else { return nil }
        switch (path, url, from) {
        case (let path?, nil, nil):
            return .path(path)
        case (nil, let url?, let from?):
            guard SpecSyntax.isSemanticVersion(from) else {
                report(
                    .specInvalidRuntime,
                    "runtime 'from' '\(from)' is not a semantic version",
                    at: location(runtime["from"] ?? node),
                    hint: "write MAJOR.MINOR.PATCH, such as 0.1.0"
                )
                return nil
            }
            return .url(url, from: from)
        case (nil, _?, nil):
            report(
                .specInvalidRuntime,
                "runtime 'url' needs 'from' (the minimum version)",
                at: location(node),
                hint: "add 'from: 0.1.0'"
            )
        case (_?, _, _):
            report(
                .specInvalidRuntime,
                "runtime takes either 'path' or 'url' with 'from', not both",
                at: location(runtime["url"] ?? runtime["from"] ?? node)
            )
        case (nil, nil, _):
            report(
                .specInvalidRuntime,
                "runtime needs 'path', or 'url' with 'from'",
                at: location(node),
                hint: "write 'path: ../exporter-scaffold' or 'url: ...' and 'from: 0.1.0'"
            )
        }
        return nil
    }
}
