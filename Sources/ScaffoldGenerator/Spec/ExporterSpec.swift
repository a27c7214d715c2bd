import ExporterDiagnostics

/// A validated `exporter.yaml` (spec_version 1): everything the generator needs to write an exporter package.
///
/// Produced by `SpecLoader`; every element keeps the `SourceLocation` it was written at so that later stages can
/// point at the spec when they report a problem.
public struct ExporterSpec: Sendable, Hashable {
    /// The spec format version; always 1 for a validated spec.
    public var specVersion: Int
    /// The registered `_type` of the exporter (`[a-z][a-z0-9_]*`).
    public var name: String
    /// The Swift module and package name: the spec's `module`, or derived from `name` (see `moduleWasDerived`).
    public var module: String
    /// True when `module` was not written and was derived from `name` by `SwiftIdentifier.upperCamelCase(_:)`.
    public var moduleWasDerived: Bool
    /// What the exporter does, in one sentence; empty when not written.
    public var description: String
    /// The package's semantic version (default `0.1.0`).
    public var version: String
    /// What the exporter exports: events, spans or OTLP spans.
    public var base: ExporterBase
    /// The configuration fields, in the order written.
    public var fields: [ConfigField]
    /// The processors, in the order they run.
    public var processors: [ProcessorSpec]
    /// Where the exporter sends its items.
    public var transport: TransportSpec
    /// How the package depends on the runtime; nil when the spec leaves it to `scaffold`.
    public var runtime: RuntimeDependency?
    /// `tracing.bridge`: the exporter is meant to receive the spans of swift-distributed-tracing's `withSpan`
    /// through ExporterTracing's `RuntimeTracer`; its README shows the bootstrap.
    public var tracingBridge: Bool
    /// Where the document starts.
    public var location: SourceLocation
    /// Where `name` is written.
    public var nameLocation: SourceLocation
    /// Where `module` is written, or where `name` is when the module was derived.
    public var moduleLocation: SourceLocation
    /// Where `base` is written.
    public var baseLocation: SourceLocation
    /// Where `runtime` is written; nil when absent.
    public var runtimeLocation: SourceLocation?

    /// Creates a spec; `SpecLoader` is the way to get a validated one.
    public init(
        specVersion: Int = 1,
        name: String,
        module: String,
        moduleWasDerived: Bool,
        description: String = "",
        version: String = ExporterSpec.defaultVersion,
        base: ExporterBase,
        fields: [ConfigField] = [],
        processors: [ProcessorSpec] = [],
        transport: TransportSpec,
        runtime: RuntimeDependency? = nil,
        tracingBridge: Bool = false,
        location: SourceLocation,
        nameLocation: SourceLocation? = nil,
        moduleLocation: SourceLocation? = nil,
        baseLocation: SourceLocation? = nil,
        runtimeLocation: SourceLocation? = nil
    ) {
        self.specVersion = specVersion
        self.name = name
        self.module = module
        self.moduleWasDerived = moduleWasDerived
        self.description = description
        self.version = version
        self.base = base
        self.fields = fields
        self.processors = processors
        self.transport = transport
        self.runtime = runtime
        self.tracingBridge = tracingBridge
        self.location = location
        self.nameLocation = nameLocation ?? location
        self.moduleLocation = moduleLocation ?? location
        self.baseLocation = baseLocation ?? location
        self.runtimeLocation = runtimeLocation
    }

    /// The version a spec without `version` gets.
    public static let defaultVersion = "0.1.0"

    /// The field named `name`, if declared.
    public func field(named name: String) -> ConfigField? {
        fields.first { $0.name == name }
    }
}

/// What an exporter exports, which decides the runtime base type it builds on.
public enum ExporterBase: String, Sendable, Hashable, CaseIterable {
    /// Raw events (`AgentEvent`), exported as they happen.
    case raw
    /// Spans built from scope start/end pairs.
    case span
    /// Spans mapped to OTLP/OpenInference; requires the `otlp` transport.
    case otel
}

/// How a generated package depends on the runtime library.
public enum RuntimeDependency: Sendable, Hashable {
    /// A local checkout, by path (relative to the generated package or absolute).
    case path(String)
    /// A Git URL and the minimum version (`from:`).
    case url(String, from: String)
}
