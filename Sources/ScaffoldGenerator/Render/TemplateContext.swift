import Mustache

/// What a template can use: every key of every template, as typed, documented properties.
///
/// The keys are a contract with the user's template overrides (`--templates DIR`): every template sees every key
/// of the five groups, and a key keeps its name (docs/TEMPLATES.md lists them; a test checks that list against
/// these types). Swift code is the `SwiftCode` tree's, laid out before it gets here: a property holding code says
/// so (`…Lines` at a column, `…Literal` a Swift literal, `…Expression` an expression); the templates only place it.
///
/// swift-mustache reads a value's stored properties by reflection: a `nil` optional is an absent key (so the lookup
/// goes on up the context stack, as for a missing dictionary key), a `Bool` is a condition, an array a section
/// repeated per element. `TemplateContext` resolves a key in the first group that has it; the groups' keys are
/// distinct.
struct TemplateContext {
    /// The package: its manifest, imports, README and replay tool.
    var package: PackageContext
    /// The package's Swift names and their documentation, and the deprecated names of an earlier generation.
    var names: NamesContext
    /// The configuration type: its fields, enums and decoding.
    var configuration: ConfigurationContext
    /// The exporter's pipeline and transport.
    var pipeline: PipelineContext
    /// The generated tests' values.
    var tests: TestsContext

    /// The groups, in lookup order.
    var groups: [Any] { [package, names, configuration, pipeline, tests] }
}

extension TemplateContext: MustacheParent {
    func child(named name: String) -> Any? {
        for group in groups {
            if let value = TemplateReflection.value(named: name, in: group) { return value }
        }
        return nil
    }
}

/// The context of a template rendered once per user-owned file: the file's own keys (`File`'s stored properties),
/// then the shared ones.
struct FileTemplateContext<File>: MustacheParent {
    var file: File
    var shared: TemplateContext

    func child(named name: String) -> Any? {
        TemplateReflection.value(named: name, in: file) ?? shared.child(named: name)
    }
}

/// The stored properties of a context value, as swift-mustache sees them.
enum TemplateReflection {
    /// The stored property `name` of `object`; nil when there is none or it is a `nil` optional (swift-mustache's
    /// own rule for reflected values).
    static func value(named name: String, in object: Any) -> Any? {
        guard let child = Mirror(reflecting: object).children.first(where: { $0.label == name }) else { return nil }
        let mirror = Mirror(reflecting: child.value)
        guard mirror.displayStyle == .optional else { return child.value }
        return mirror.children.first?.value
    }

    /// The names of `object`'s stored properties, in declaration order.
    static func keys(of object: Any) -> [String] {
        Mirror(reflecting: object).children.compactMap(\.label)
    }
}

// MARK: - Shared groups

/// The package: its manifest, imports, README and replay tool.
struct PackageContext {
    /// The generator's version, safe in a comment.
    var generatorVersion: String
    /// The spec's file name, safe in a comment.
    var specFile: String
    /// The library module's name (`spec.module`).
    var module: String
    /// The module's name as a Swift literal.
    var moduleLiteral: String
    /// The test module's name as a Swift literal.
    var testModuleLiteral: String
    /// The replay tool's executable name (`<name>-replay`).
    var replayName: String
    /// The replay tool's name as a Swift literal.
    var replayLiteral: String
    /// The `.package(…)` expression of the runtime dependency.
    var runtimeDependency: String
    /// The runtime package's name as a Swift literal.
    var runtimePackageLiteral: String
    /// The manifest's `dependencies: [...]` argument, at column 4.
    var dependencyLines: [String]
    /// The runtime products the library uses, as Swift literals.
    var libraryProducts: [String]
    /// The runtime products the replay tool uses, as Swift literals.
    var replayProducts: [String]
    /// The runtime products the tests use, as Swift literals.
    var testingProducts: [String]
    /// The replay tool's imports, sorted.
    var replayImports: [String]
    /// The runtime modules every source file imports, sorted.
    var runtimeImports: [String]
    /// The configuration file's imports, sorted.
    var configurationImports: [String]
    /// The exporter file's imports, sorted.
    var exporterImports: [String]
    /// The test file's imports, sorted.
    var testImports: [String]
    /// The spec's `base`.
    var base: String
    /// The spec's transport kind.
    var transportKind: String
    /// The README's description paragraph.
    var readmeDescription: String
    /// YAML lines of the README's example section: required keys with sample values, defaults shown.
    var exampleLines: [String]
    /// The spec's `tracing.bridge`: the README shows the `RuntimeTracer` bootstrap.
    var tracingBridge: Bool
}

/// The package's Swift names and their documentation, and the deprecated names of an earlier generation.
struct NamesContext {
    /// The configuration type.
    var configType: String
    /// The exporter type.
    var exporterType: String
    /// The exporter type under its scaffold 0.1 key (kept for old template overrides).
    var blueprintType: String
    /// The user-owned hooks type.
    var hooksType: String
    /// The hooks file's path in the package.
    var hooksPath: String
    /// The stem of the package's type names.
    var stem: String
    /// The error type the stubs of custom components throw.
    var notImplementedType: String
    /// The registration function.
    var registerFunction: String
    /// The exporter's `_type` (the spec's `name`), for docs.
    var typeNameDoc: String
    /// The exporter's `_type` as a Swift literal.
    var typeNameLiteral: String
    /// The registry's one-line summary as a Swift literal.
    var summaryLiteral: String
    /// Doc comment lines of the configuration type.
    var configDoc: [String]
    /// Doc comment lines of the exporter type.
    var exporterDoc: [String]
    /// The types of an earlier generation the user's files still use, each with its current name.
    var deprecatedTypes: [DeprecatedTypeContext]
    /// Whether the deprecated registry names are needed.
    var hasDeprecatedRegistry: Bool
    /// The deprecated registration function, when the user's files use it (zero or one element).
    var deprecatedRegister: [String]
    /// The deprecated type-name constant, when the user's files use it (zero or one element).
    var deprecatedTypeName: [String]
}

/// A type renamed since an earlier generation.
struct DeprecatedTypeContext {
    /// The earlier name.
    var oldName: String
    /// The current name.
    var newName: String
}

/// The configuration type: its fields, enums and decoding.
struct ConfigurationContext {
    /// The spec's config fields, in order.
    var fields: [FieldContext]
    /// The enum types of enum fields (and lists of enums).
    var enums: [EnumContext]
    /// `Document.init(from:)`'s statements, at column 12.
    var decodeLines: [String]
    /// The declaration of `Document.resolve(with:)`, at column 8.
    var resolveSignatureLines: [String]
}

/// One config field.
struct FieldContext {
    /// The YAML key, safe in a comment.
    var key: String
    /// The YAML key as a Swift literal.
    var keyLiteral: String
    /// The Swift property.
    var property: String
    /// The property as an argument label.
    var label: String
    /// The property's Swift type (optional when the field has neither default nor `required`).
    var propertyType: String
    /// The Swift type decoded from YAML.
    var yamlType: String
    /// Doc comment lines of the property.
    var doc: [String]
    /// The field's statement of `Document.resolve`, at column 12.
    var resolveLines: [String]
    /// The field's `reader.settle` statement of `Document.resolve`, at column 12.
    var settleLines: [String]
    /// The field's argument of the configuration `resolve` returns, at column 16.
    var resolvedLines: [String]
    /// The field's part of `description`, an expression.
    var describe: String
    /// The YAML key, for a README table cell.
    var keyMarkdown: String
    /// The type, for a README table cell.
    var typeMarkdown: String
    /// The default (or `required`), for a README table cell.
    var defaultMarkdown: String
    /// The environment variable, for a README table cell.
    var envMarkdown: String
    /// The description, for a README table cell.
    var descriptionMarkdown: String
    /// The default of the memberwise initializer's parameter; absent when it has none.
    var initDefault: String?
}

/// The enum type of an enum field.
struct EnumContext {
    /// The field's YAML key.
    var key: String
    /// The enum type.
    var typeName: String
    /// Its cases, in the spec's order.
    var cases: [EnumCaseContext]
}

/// One case of a field's enum type.
struct EnumCaseContext {
    /// The Swift case name.
    var name: String
    /// The raw value as a Swift literal.
    var literal: String
    /// The raw value, for its doc comment.
    var doc: String
}

/// The exporter's pipeline and transport.
struct PipelineContext {
    /// `Pipeline.build`'s stages after the hooks stage, at column 12.
    var stages: [String]
    /// Whether building a stage throws.
    var pipelineThrows: Bool
    /// The type the transport takes.
    var payloadType: String
    /// The transport type.
    var transportType: String
    /// The statement creating the transport, at column 8.
    var transportInit: [String]
    /// An expression (of `payload`) turning one payload into text, for the generated test.
    var payloadText: String
    /// Whether the transport is `http` or `otlp`.
    var hasHTTPTransport: Bool
    /// Whether the transport is `otlp`.
    var hasOTLP: Bool
    /// `protobuf` or `json` for `otlp`, else empty.
    var otlpEncodingName: String
    /// The body of `transportConfiguration`, at column 8 (`http`, `otlp`).
    var transportConfigurationLines: [String]
    /// The body of `otlpEncoding`, at column 8 (`otlp`).
    var otlpEncodingLines: [String]
    /// The request method as a Swift literal.
    var methodLiteral: String
    /// Checks of the OTLP resource attributes in the generated test, at column 12.
    var resourceChecks: [String]
    /// Whether `OTEL_SERVICE_NAME` names the service: the spec's `resource_attributes` leave `service.name` out.
    var serviceNameFromEnvironment: Bool
    /// The statement computing the dead-letter path, at column 8 (empty without `dead_letter`).
    var deadLetterPathLines: [String]
    /// Whether the transport has a dead-letter file.
    var hasDeadLetter: Bool
    /// Whether no processor may drop items (so the generated test expects every span).
    var allSpansExpected: Bool
    /// The test that the endpoint field falls back to `OTEL_EXPORTER_OTLP_*ENDPOINT` (`otlp` with
    /// `endpoint: ${field}`); nil otherwise.
    var otlpEndpointTest: OTLPEndpointTestContext?
    /// The test's checks that the batch fields fall back to `OTEL_BSP_*`, at column 8; empty without such fields.
    var otelBatchChecks: [String]
    /// Whether the package has batch fields that fall back to `OTEL_BSP_*`.
    var hasOTelBatchFields: Bool
    /// The user-owned encoder type of `encoding: custom`, else empty.
    var encoderType: String
    /// What the http transport's encoder takes a batch of.
    var encodedItemType: String
    /// The generated test's check of the stage names, at column 8.
    var expectedStageLines: [String]
}

/// The generated tests' values.
struct TestsContext {
    /// The condition under which the exporter's stubs are implemented (`true` without stubs).
    var implementedCondition: String
    /// Statements filling `entries` with every required key, at column 8.
    var minimalEntries: [String]
    /// Whether there is a required key.
    var hasMinimalEntries: Bool
    /// Checks of the defaults, at column 8 (each may span lines).
    var defaultChecks: [String]
    /// One test per field falling back to its environment variable.
    var envTests: [EnvTestContext]
    /// One test per constraint an invalid section breaks.
    var invalidTests: [InvalidTestContext]
    /// Whether the configuration has secrets.
    var hasSecrets: Bool
    /// The secret fields.
    var secretChecks: [SecretCheckContext]
}

/// A test of a field's environment fallback.
struct EnvTestContext {
    /// The test's title.
    var title: String
    /// The test function.
    var functionName: String
    /// The field's YAML key as a Swift literal.
    var keyLiteral: String
    /// The environment variable as a Swift literal.
    var envLiteral: String
    /// The variable's value as a Swift literal.
    var envValue: String
    /// The field's Swift property.
    var property: String
    /// The expected value, an expression.
    var expected: String
}

/// A test of an invalid section.
struct InvalidTestContext {
    /// The test's title.
    var title: String
    /// The test function.
    var functionName: String
    /// The statement setting the invalid entry, at column 8.
    var assignLines: [String]
    /// A part of the expected problem message as a Swift literal.
    var messageLiteral: String
}

/// A secret field, checked never to show in `description`.
struct SecretCheckContext {
    /// The field's YAML key as a Swift literal.
    var keyLiteral: String
}

// MARK: - Per-file keys

/// `CustomProcessor.swift`'s own keys, one file per `kind: custom` processor.
struct CustomProcessorContext {
    /// The user-owned processor type.
    var typeName: String
    /// The processor's name in the spec.
    var specName: String
    /// What the processor transforms (`AgentEvent` or `Span`).
    var itemType: String
    /// The file's path in the package as a Swift literal.
    var fileLiteral: String
    /// The end of the type's doc comment.
    var stageDoc: String
}

/// The own key of `CustomTransport.swift` and `CustomEncoder.swift`.
struct UserFileContext {
    /// The file's path in the package as a Swift literal.
    var fileLiteral: String
}

/// The `otlp` transport's endpoint field, for the generated test of its environment fallback.
struct OTLPEndpointTestContext {
    /// The field's key as a Swift literal.
    var keyLiteral: String
    /// The configuration's property.
    var property: String
}
