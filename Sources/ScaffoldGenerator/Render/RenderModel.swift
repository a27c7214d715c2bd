import ExporterDiagnostics

/// The typed view of a spec that the templates render: every identifier checked and escaped, every spec string a
/// safe literal. ``context`` is what the templates see.
struct RenderModel {
    let spec: ExporterSpec
    let options: GeneratorOptions
    let fields: [FieldRenderModel]
    let customProcessors: [CustomProcessorRenderModel]
    let pipeline: PipelineRenderModel
    let names: ExporterNames
    /// The user-owned hooks: the name and path they have in the package (those of an earlier generation when the
    /// user's files still have them), else the current ones.
    let hooks: (name: String, path: String)
    /// The user-owned custom transport, likewise.
    let customTransport: (name: String, path: String)
    /// The user-owned custom encoder, likewise.
    let customEncoder: (name: String, path: String)
    /// The names of an earlier generation the user's files use, each with its current name.
    let deprecations: [(old: String, new: String)]
    let deprecatedRegister: String?
    let deprecatedTypeName: String?

    var module: String { spec.module }
    var configType: String { names.configuration }
    var exporterType: String { names.exporter }
    var hooksType: String { hooks.name }
    var transportType: String { pipeline.transportType }

    /// Whether the package has user-owned stubs of custom components (processors, transport, encoder).
    var hasStubs: Bool {
        !customProcessors.isEmpty || spec.transport.kind == .custom || pipeline.customEncoder != nil
    }

    init(spec: ExporterSpec, options: GeneratorOptions, userSources: UserSources) throws(DiagnosticError) {
        self.spec = spec
        self.options = options
        let names = ExporterNames(module: spec.module, base: spec.base)
        self.names = names
        let configType = names.configuration
        let module = spec.module
        func userOwned(_ name: String, legacy: String) -> (name: String, path: String) {
            userSources.resolve(
                name: name,
                path: "Sources/\(module)/\(name).swift",
                legacyName: legacy,
                legacyPath: "Sources/\(module)/\(legacy).swift"
            )
        }
        hooks = userOwned(names.hooks, legacy: ExporterNames.Legacy.hooks(module))
        customTransport = userOwned(names.transport, legacy: ExporterNames.Legacy.transport(module))
        customEncoder = userOwned(names.encoder, legacy: ExporterNames.Legacy.encoder(module))
        fields = spec.fields.map { field in
            var enumType: String?
            var cases: [(String, String)] = []
            let values: [String]?
            switch field.type {
            case .enumeration(let list): values = list
            case .list(.enumeration(let list)): values = list
            default: values = nil
            }
            if let values {
                enumType = (RenderSyntax.upperCamelCase(field.name) ?? "Field") + "Value"
                cases = Self.caseNames(values)
            }
            var model = FieldRenderModel(field: field, configType: configType, enumType: enumType, enumCases: cases)
            if case .otlp(let transport) = spec.transport, transport.endpoint.singleField == field.name,
                field.type == .url || field.type == .string
            {
                model.isOTLPEndpoint = true
            }
            model.otelBatchFunction = Self.otelBatchFunction(of: field, in: spec)
            return model
        }
        customProcessors = spec.processors.compactMap { processor in
            guard case .custom(let custom) = processor else { return nil }
            return CustomProcessorRenderModel(custom: custom, spec: spec)
        }
        pipeline = try PipelineRenderModel(
            spec: spec,
            fields: fields,
            customTransport: customTransport.name,
            customEncoder: customEncoder.name
        )
        // An old name the user's files use and do not declare themselves gets a deprecated alias.
        func stillUsed(_ old: String, _ new: String) -> Bool {
            old != new && userSources.uses(old) && !userSources.declares(old)
        }
        var renamedTypes = [
            (ExporterNames.Legacy.configuration(module), names.configuration),
            (ExporterNames.Legacy.exporter(module), names.exporter),
        ]
        let hasStubs =
            !customProcessors.isEmpty || spec.transport.kind == .custom || pipeline.customEncoder != nil
        if hasStubs { renamedTypes.append((ExporterNames.Legacy.notImplemented(module), names.notImplemented)) }
        deprecations = renamedTypes.filter { stillUsed($0.0, $0.1) }.map { (old: $0.0, new: $0.1) }
        let register = ExporterNames.Legacy.register(module)
        deprecatedRegister = stillUsed(register, names.register) ? register : nil
        let typeName = ExporterNames.Legacy.typeNameConstant(module)
        deprecatedTypeName = userSources.uses(typeName) ? typeName : nil
    }

    /// Whether the package needs the file of deprecated names.
    var hasDeprecations: Bool {
        !deprecations.isEmpty || deprecatedRegister != nil || deprecatedTypeName != nil
    }

    /// Swift case names for enum values: their lowerCamelCase when that is a valid, distinct identifier for every
    /// value, else `value0`, `value1`, … for all (so names never depend on which value came first).
    static func caseNames(_ values: [String]) -> [(value: String, name: String)] {
        let names = values.map(RenderSyntax.lowerCamelCase)
        let usable = names.compactMap { $0 }
        if usable.count == values.count, Set(usable).count == usable.count {
            return zip(values, usable).map { ($0, RenderSyntax.identifier($1)) }
        }
        return values.enumerated().map { ($1, "value\($0)") }
    }

    /// The templates' context: everything built from the spec in one place.
    var context: TemplateContext {
        TemplateContext(
            package: packageContext,
            names: namesContext,
            configuration: ConfigurationContext(
                fields: fields.map(fieldContext),
                enums: enumContexts,
                decodeLines: decodeLines,
                resolveSignatureLines: resolveSignatureLines
            ),
            pipeline: pipeline.context,
            tests: TestRenderModel(model: self).context
        )
    }

    private var packageContext: PackageContext {
        PackageContext(
            generatorVersion: RenderSyntax.commentLines(options.generatorVersion).joined(separator: " "),
            specFile: RenderSyntax.commentLines(options.specFileName).joined(separator: " "),
            module: module,
            moduleLiteral: RenderSyntax.literal(module),
            testModuleLiteral: RenderSyntax.literal(module + "Tests"),
            replayName: "\(spec.name)-replay",
            replayLiteral: RenderSyntax.literal("\(spec.name)-replay"),
            runtimeDependency: runtimeDependency,
            runtimePackageLiteral: RenderSyntax.literal(options.runtimePackage),
            dependencyLines: SwiftCode.array([.atom(runtimeDependency)]).lines(
                indent: 4,
                prefix: "dependencies: ",
                suffix: ","
            ),
            libraryProducts: libraryProducts.map(RenderSyntax.literal),
            replayProducts: replayProducts.map(RenderSyntax.literal),
            testingProducts: testingProducts.map(RenderSyntax.literal),
            replayImports: Set(replayProducts + ["ExporterDiagnostics", "Foundation", module]).sorted(),
            runtimeImports: imports([]),
            configurationImports: imports(["ExporterDiagnostics", "ExporterYAML", "Foundation"]),
            exporterImports: imports(["ExporterDiagnostics", "Foundation"]),
            testImports: imports(testingProducts + ["ExporterDiagnostics", "ExporterYAML", "Foundation", "Testing"]),
            base: spec.base.rawValue,
            transportKind: spec.transport.kind.rawValue,
            readmeDescription: RenderSyntax.commentLines(summary).joined(separator: "\n"),
            exampleLines: exampleLines,
            tracingBridge: spec.tracingBridge
        )
    }

    private var namesContext: NamesContext {
        NamesContext(
            configType: configType,
            exporterType: exporterType,
            blueprintType: exporterType,
            hooksType: hooksType,
            hooksPath: hooks.path,
            stem: names.stem,
            notImplementedType: names.notImplemented,
            registerFunction: names.register,
            typeNameDoc: spec.name,
            typeNameLiteral: RenderSyntax.literal(spec.name),
            summaryLiteral: RenderSyntax.literal(registrySummary),
            configDoc: configDoc,
            exporterDoc: exporterDoc,
            deprecatedTypes: deprecations.map { DeprecatedTypeContext(oldName: $0.old, newName: $0.new) },
            hasDeprecatedRegistry: deprecatedRegister != nil || deprecatedTypeName != nil,
            deprecatedRegister: deprecatedRegister.map { [$0] } ?? [],
            deprecatedTypeName: deprecatedTypeName.map { [$0] } ?? []
        )
    }

    /// The declaration of `Document`'s private `resolve(with:)`, at column 8: its parameter on a line of its own
    /// when the declaration does not fit (as swift-format lays it out).
    private var resolveSignatureLines: [String] {
        let parameter = "with reader: inout ConfigurationReader"
        let result = ") throws(DiagnosticError) -> \(configType) {"
        let line = "        private func resolve(" + parameter + result
        guard line.count > SwiftCode.lineLength else { return [line] }
        return ["        private func resolve(", "            " + parameter, "        " + result]
    }

    /// `Document.init(from:)`'s statements, fields then the buffer keys.
    private var decodeLines: [String] {
        let keys =
            fields.map { ($0.property, $0.keyLiteral) } + [
                ("bufferCapacity", "\"buffer_capacity\""), ("overflowPolicy", "\"overflow_policy\""),
            ]
        return keys.flatMap { property, key in
            // `decoder`, `section` and `reader` are the initializer's; a field of that name is reached through self.
            let target = ["decoder", "section", "reader"].contains(property) ? "self." + property : property
            return SwiftCode.call("reader.value", [(nil, .atom(key)), ("in", .atom("section"))])
                .lines(indent: 12, prefix: "\(target) = ")
        }
    }

    /// The registry's one-line summary: the description when it is one short line, else a generic one (a long
    /// literal could not be laid out within the line length).
    private var registrySummary: String {
        let literal = RenderSyntax.literal(spec.description)
        if !spec.description.isEmpty, literal.count <= 80, !literal.contains("\\") {
            return spec.description
        }
        return "\(spec.base.rawValue) telemetry over \(spec.transport.kind.rawValue)"
    }

    private var summary: String {
        spec.description.isEmpty ? "Exports \(spec.base.rawValue) telemetry." : spec.description
    }

    private var runtimeModules: [String] { RuntimeModules(spec: spec).library }
    private var libraryProducts: [String] { RuntimeModules(spec: spec).libraryProducts }
    private var replayProducts: [String] { RuntimeModules.replay }
    private var testingProducts: [String] { RuntimeModules(spec: spec).testing }

    /// A file's imports in the order swift-format's `OrderedImports` keeps: the package's runtime modules and
    /// `others`.
    private func imports(_ others: [String]) -> [String] {
        Set(runtimeModules + others).sorted()
    }

    private var runtimeDependency: String {
        switch options.runtime {
        case .path(let path):
            ".package(name: \(RenderSyntax.literal(options.runtimePackage)), path: \(RenderSyntax.literal(path)))"
        case .url(let url, let version):
            ".package(url: \(RenderSyntax.literal(url)), from: \(RenderSyntax.literal(version)))"
        }
    }

    private var configDoc: [String] {
        ["The configuration of the `\(spec.name)` exporter: its section in the workflow YAML."]
    }

    private var exporterDoc: [String] {
        var lines = [
            "The `\(spec.name)` exporter (base `\(spec.base.rawValue)`, transport `\(spec.transport.kind.rawValue)`)."
        ]
        if !spec.description.isEmpty {
            lines.append("")
            lines += RenderSyntax.docLines(spec.description, column: 0)
        }
        return lines
    }

    private func fieldContext(_ field: FieldRenderModel) -> FieldContext {
        FieldContext(
            key: RenderSyntax.commentLines(field.key).joined(),
            keyLiteral: field.keyLiteral,
            property: field.property,
            label: RenderSyntax.label(field.field.swiftName),
            propertyType: field.propertyType,
            yamlType: field.yamlType,
            doc: field.doc,
            resolveLines: field.resolveLines,
            settleLines: field.settleLines,
            resolvedLines: resolvedLines(field),
            describe: field.describe,
            keyMarkdown: field.key,
            typeMarkdown: RenderSyntax.markdownCell(field.field.type.displayName),
            defaultMarkdown: field.field.defaultValue.map {
                "`" + RenderSyntax.markdownCell(ValueSyntax.display($0)) + "`"
            }
                ?? (field.field.required ? "required" : ""),
            envMarkdown: field.field.env.map { "`\(RenderSyntax.markdownCell($0))`" } ?? "",
            descriptionMarkdown: RenderSyntax.markdownCell(field.field.description),
            initDefault: field.initDefault
        )
    }

    /// The field's argument of the configuration `resolve` returns, at column 16: broken before `??` (as
    /// swift-format breaks it) when it does not fit.
    private func resolvedLines(_ field: FieldRenderModel) -> [String] {
        let label = RenderSyntax.label(field.field.swiftName)
        let line = "\(label): \(field.resolvedValue),"
        guard 16 + line.count > SwiftCode.lineLength, let range = field.resolvedValue.range(of: " ?? ") else {
            return [line]
        }
        let value = field.resolvedValue
        return ["\(label): \(value[..<range.lowerBound])", "    ?? \(value[range.upperBound...]),"]
    }

    private var enumContexts: [EnumContext] {
        fields.compactMap { field in
            guard let typeName = field.enumType else { return nil }
            return EnumContext(
                key: field.key,
                typeName: typeName,
                cases: field.enumCases.map { entry in
                    EnumCaseContext(
                        name: entry.name,
                        literal: RenderSyntax.literal(entry.value),
                        doc: "`" + RenderSyntax.commentLines(entry.value).joined(separator: " ") + "`"
                    )
                }
            )
        }
    }

    /// YAML lines of the README's example section: required keys with sample values, defaults shown.
    private var exampleLines: [String] {
        fields.compactMap { field in
            if let defaultValue = field.field.defaultValue {
                return "\(field.key): \(ValueSyntax.json(defaultValue))"
            }
            if field.field.required {
                return "\(field.key): \(TestRenderModel.sampleJSON(field))"
            }
            return nil
        }
    }
}

/// A `kind: custom` processor: its user-owned type.
struct CustomProcessorRenderModel {
    let custom: CustomProcessorSpec
    let spec: ExporterSpec

    var typeName: String { custom.swiftName + "Processor" }

    var itemType: String {
        custom.stage == .events || spec.base == .raw ? "AgentEvent" : "Span"
    }

    func context(path: String) -> CustomProcessorContext {
        CustomProcessorContext(
            typeName: typeName,
            specName: custom.name,
            itemType: itemType,
            fileLiteral: RenderSyntax.literal(path),
            stageDoc: itemType == "AgentEvent"
                ? "transforms events; return nil to drop one." : "transforms spans; return nil to drop one."
        )
    }
}

extension RenderModel {
    /// The `OTelEnvironment` function of an `otel` package's field that its batch processor's `batch_size`,
    /// `max_queue_size` or `flush_interval` names, when the field's type is the option's (int, int, duration).
    static func otelBatchFunction(of field: ConfigField, in spec: ExporterSpec) -> String? {
        guard case .otlp = spec.transport else { return nil }
        for processor in spec.processors {
            guard case .batch(let batch) = processor else { continue }
            if batch.batchSize == .field(field.name), field.type == .int { return "batchSize" }
            if batch.maxQueueSize == .field(field.name), field.type == .int { return "maxQueueSize" }
            if batch.flushInterval == .field(field.name), field.type == .duration { return "scheduleDelay" }
        }
        return nil
    }
}
