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
    /// - Parameters:
    ///   - userSources: the user's Swift files of the package being regenerated: generated code calls the user's
    ///     types by the names they have there, and gets deprecated aliases for the old names they still use.
    /// - Throws: `GEN001` for a template problem, `GEN002` when a template produces an unsafe path.
    public func render(
        _ spec: ExporterSpec,
        userSources: UserSources = UserSources()
    ) throws(DiagnosticError) -> [GeneratedFile] {
        let model = try RenderModel(spec: spec, options: options, userSources: userSources)
        let names = model.names
        let context = model.context
        let module = spec.module
        var files: [GeneratedFile] = []
        func add(_ path: String, _ template: String, _ ownership: GeneratedFile.Ownership) throws(DiagnosticError) {
            try add(path, template, ownership, rendering: context)
        }
        func add(
            _ path: String,
            _ template: String,
            _ ownership: GeneratedFile.Ownership,
            rendering context: Any
        ) throws(DiagnosticError) {
            let rendered = try templates.render(template, context)
            files.append(
                GeneratedFile(path: path, contents: Self.trimmingTrailingWhitespace(rendered), ownership: ownership)
            )
        }
        let generated = "Sources/\(module)/Generated"
        try add("Package.swift", "Package.swift", .generated)
        try add("README.md", "README.md", .generated)
        try add(".swift-format", "swift-format", .userOwned)
        try add("\(generated)/\(names.configuration).swift", "Configuration.swift", .generated)
        try add("\(generated)/\(names.exporter).swift", "Exporter.swift", .generated)
        try add("\(generated)/\(names.registration).swift", "Registration.swift", .generated)
        // Only the stubs of custom components throw it; a package without them gets no unused type.
        if model.hasStubs { try add("\(generated)/\(names.support).swift", "Support.swift", .generated) }
        if model.hasDeprecations {
            try add("\(generated)/\(names.deprecatedNames).swift", "DeprecatedNames.swift", .generated)
        }
        try add(model.hooks.path, "Hooks.swift", .userOwned)
        for processor in model.customProcessors {
            let path = "Sources/\(module)/\(processor.typeName).swift"
            let file = FileTemplateContext(file: processor.context(path: path), shared: context)
            try add(path, "CustomProcessor.swift", .userOwned, rendering: file)
        }
        if spec.transport.kind == .custom {
            let path = model.customTransport.path
            let own = UserFileContext(fileLiteral: RenderSyntax.literal(path))
            let file = FileTemplateContext(file: own, shared: context)
            try add(path, "CustomTransport.swift", .userOwned, rendering: file)
        }
        if model.pipeline.customEncoder != nil {
            let path = model.customEncoder.path
            let own = UserFileContext(fileLiteral: RenderSyntax.literal(path))
            let file = FileTemplateContext(file: own, shared: context)
            try add(path, "CustomEncoder.swift", .userOwned, rendering: file)
        }
        try add("Sources/\(spec.name)-replay/main.swift", "Replay.swift", .generated)
        try add("Tests/\(module)Tests/\(module)Tests.swift", "Tests.swift", .generated)
        // The schema the spec's modeline points editors at: generated, so a scaffold whose spec format changed
        // refreshes it and the lock records it.
        files.append(
            GeneratedFile(path: SpecJSONSchema.packagePath, contents: SpecJSONSchema.text + "\n", ownership: .generated)
        )
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
