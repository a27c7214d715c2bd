import ExporterDiagnostics

/// Turns a validated spec into the files of an exporter package. Pure: the same spec and options always give the
/// same files, byte for byte.
public struct ExporterRenderer: Sendable {
    /// The options every rendering uses.
    public var options: GeneratorOptions
    let templates: TemplateSet

    /// Creates a renderer; parses the templates (built-in, with the options' overrides).
    ///
    /// - Throws: `GEN001` for a template that is malformed or replaces nothing.
    public init(options: GeneratorOptions) throws(DiagnosticError) {
        self.options = options
        templates = try TemplateSet(overrides: options.templateOverrides)
    }

    /// The package's files, sorted by path.
    ///
    /// - Throws: `GEN001` for a template problem, `GEN002` when a template produces an unsafe path.
    public func render(_ spec: ExporterSpec) throws(DiagnosticError) -> [GeneratedFile] {
        let model = try RenderModel(spec: spec, options: options)
        let context = model.context
        let module = spec.module
        var files: [GeneratedFile] = []
        func add(
            _ path: String,
            _ template: String,
            _ ownership: GeneratedFile.Ownership,
            _ extra: [String: Any] = [:]
        )
            throws(DiagnosticError)
        {
            let rendered = try templates.render(template, context.merging(extra) { _, new in new })
            files.append(
                GeneratedFile(path: path, contents: Self.trimmingTrailingWhitespace(rendered), ownership: ownership)
            )
        }
        let generated = "Sources/\(module)/Generated"
        try add("Package.swift", "Package.swift", .generated)
        try add("README.md", "README.md", .generated)
        try add(".swift-format", "swift-format", .userOwned)
        try add("\(generated)/\(module)Configuration.swift", "Configuration.swift", .generated)
        try add("\(generated)/\(module)Exporter.swift", "Exporter.swift", .generated)
        try add("\(generated)/\(module)Registration.swift", "Registration.swift", .generated)
        // Only the stubs of custom components throw it; a package without them gets no unused type.
        if model.hasStubs { try add("\(generated)/\(module)Support.swift", "Support.swift", .generated) }
        try add("Sources/\(module)/\(module)Hooks.swift", "Hooks.swift", .userOwned)
        for processor in model.customProcessors {
            let path = "Sources/\(module)/\(processor.typeName).swift"
            try add(path, "CustomProcessor.swift", .userOwned, processor.context(path: path))
        }
        if spec.transport.kind == .custom {
            let path = "Sources/\(module)/\(model.transportType).swift"
            try add(path, "CustomTransport.swift", .userOwned, ["fileLiteral": RenderSyntax.literal(path)])
        }
        if let encoder = model.pipeline.customEncoder {
            let path = "Sources/\(module)/\(encoder).swift"
            try add(path, "CustomEncoder.swift", .userOwned, ["fileLiteral": RenderSyntax.literal(path)])
        }
        try add("Sources/\(spec.name)-replay/main.swift", "Replay.swift", .generated)
        try add("Tests/\(module)Tests/\(module)Tests.swift", "Tests.swift", .generated)
        for file in files where !OutputPath.isSafe(file.path) {
            throw DiagnosticError(
                .error(
                    .generatorUnsafePath,
                    "refusing to generate '\(file.path)': it leaves the package",
                    at: spec.location
                )
            )
        }
        return files.sorted { $0.path < $1.path }
    }

    /// `text` without spaces or tabs at line ends (an empty doc line renders as `/// `).
    static func trimmingTrailingWhitespace(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                var line = Substring(line)
                while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
                return String(line)
            }
            .joined(separator: "\n")
    }
}
