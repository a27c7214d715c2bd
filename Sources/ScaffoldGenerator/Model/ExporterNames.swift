/// The Swift names of a generated package, all derived from its module by one rule so that none repeats the
/// module's name or equals it (a type named like its module breaks qualified lookup, `PhoenixExporter.X`).
///
/// The rule: the *stem* is the module without a trailing `Exporter` when something remains (`PhoenixExporter` →
/// `Phoenix`, `FileJSONL` → `FileJSONL`, `Exporter` → `Exporter`). Every type is the stem and what it is:
/// `<Stem>Configuration`, `<Stem>Hooks`, `<Stem>Transport`, `<Stem>Encoder`, `<Stem>NotImplemented`; the exporter
/// is the stem, what it exports and `Exporter` (`PhoenixSpanExporter`, `FileJSONLEventExporter`), which is longer
/// than the module so never equals it; `ExporterRegistry.register<Exporter>()` registers it, and
/// `<Exporter>.typeName` is its `_type`. Built-in registrations (`registerFile()`, `registerOTLP()`) never end in
/// `SpanExporter()` or `EventExporter()`, so a stem such as `File` cannot clash with them.
public struct ExporterNames: Sendable, Hashable {
    /// The module (`PhoenixExporter`).
    public let module: String
    /// The module without a trailing `Exporter` (`Phoenix`).
    public let stem: String
    /// What the exporter exports, in its type name: `Event` for raw events, `Span` for spans.
    public let exports: String

    /// Derives the names of `module` exporting `base`.
    public init(module: String, base: ExporterBase) {
        self.module = module
        let suffix = "Exporter"
        stem = module.hasSuffix(suffix) && module.count > suffix.count ? String(module.dropLast(suffix.count)) : module
        exports = base == .raw ? "Event" : "Span"
    }

    /// The configuration struct (`PhoenixConfiguration`).
    public var configuration: String { stem + "Configuration" }
    /// The exporter (`PhoenixSpanExporter`), an `ExporterBlueprint`.
    public var exporter: String { stem + exports + "Exporter" }
    /// The user-owned hooks (`PhoenixHooks`).
    public var hooks: String { stem + "Hooks" }
    /// The user-owned custom transport (`PhoenixTransport`).
    public var transport: String { stem + "Transport" }
    /// The user-owned custom encoder (`PhoenixEncoder`).
    public var encoder: String { stem + "Encoder" }
    /// The error of a stub not written yet (`PhoenixNotImplemented`).
    public var notImplemented: String { stem + "NotImplemented" }
    /// The `ExporterRegistry` method registering the exporter (`registerPhoenixSpanExporter`).
    public var register: String { "register" + exporter }
    /// The file of the registration (`PhoenixRegistration`).
    public var registration: String { stem + "Registration" }
    /// The file of the stubs' support (`PhoenixSupport`).
    public var support: String { stem + "Support" }
    /// The file of the deprecated names of an earlier generation (`PhoenixDeprecatedNames`).
    public var deprecatedNames: String { stem + "DeprecatedNames" }

    /// The names scaffold 0.1 derived from the module itself (`PhoenixExporterConfiguration`,
    /// `PhoenixExporterBlueprint`, …), which packages generated then still use.
    public enum Legacy {
        /// The configuration struct.
        public static func configuration(_ module: String) -> String { module + "Configuration" }
        /// The exporter (then called a blueprint).
        public static func exporter(_ module: String) -> String { module + "Blueprint" }
        /// The hooks.
        public static func hooks(_ module: String) -> String { module + "Hooks" }
        /// The custom transport.
        public static func transport(_ module: String) -> String { module + "Transport" }
        /// The custom encoder.
        public static func encoder(_ module: String) -> String { module + "Encoder" }
        /// The error of a stub not written yet.
        public static func notImplemented(_ module: String) -> String { module + "NotImplemented" }
        /// The `ExporterRegistry` method.
        public static func register(_ module: String) -> String { "register" + module }
        /// The `ExporterRegistry` constant holding the `_type`.
        public static func typeNameConstant(_ module: String) -> String {
            // `PhoenixExporter` → `phoenixExporterTypeName`, `ATIFFile` → `aTIFFileTypeName`.
            module.prefix(1).lowercased() + module.dropFirst() + "TypeName"
        }
    }
}
