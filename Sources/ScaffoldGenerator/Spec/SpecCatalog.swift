/// One choice of a spec's closed vocabularies (a base, a processor kind, a transport kind, a field type).
public struct SpecCatalogEntry: Sendable, Hashable {
    /// The word written in the spec.
    public var name: String
    /// What it means, in one line.
    public var summary: String

    /// Creates an entry.
    public init(name: String, summary: String) {
        self.name = name
        self.summary = summary
    }
}

/// The spec's vocabularies with one-line descriptions: the source of `scaffold list`, of the parser's accepted
/// words and of the JSON Schema's enumerations.
///
/// Of the four descriptions of the format, this one holds the closed vocabularies as words with meanings, for
/// people as much as for the parser: ``SpecGrammar`` puts them in the format as ``SpecShape`` choices, and
/// ``SpecSyntax`` checks the open words (names, versions) no list can hold.
public enum SpecCatalog {
    /// The values of `base`.
    public static let bases: [SpecCatalogEntry] = ExporterBase.allCases.map { base in
        switch base {
        case .raw: SpecCatalogEntry(name: "raw", summary: "exports events (AgentEvent) as they happen")
        case .span: SpecCatalogEntry(name: "span", summary: "exports spans built from scope start/end pairs")
        case .otel:
            SpecCatalogEntry(name: "otel", summary: "exports OTLP/OpenInference spans (requires the otlp transport)")
        }
    }

    /// The values of `processors[].kind`.
    public static let processors: [SpecCatalogEntry] = ProcessorKind.allCases.map { kind in
        let summary =
            switch kind {
            case .filter: "keeps or drops events by category, phase and name"
            case .redact: "replaces sensitive values by key path or pattern"
            case .enrich: "adds fixed or environment-derived tags"
            case .sample: "keeps a fraction of traces (rate 0...1)"
            case .batch: "groups items into batches by size and flush interval; last if present"
            case .custom: "a typed hook you implement (stage: events or items)"
            }
        return SpecCatalogEntry(name: kind.rawValue, summary: summary)
    }

    /// The values of `transport.kind`.
    public static let transports: [SpecCatalogEntry] = TransportKind.allCases.map { kind in
        let summary =
            switch kind {
            case .console: "prints items to stdout or stderr"
            case .file: "appends items as JSON lines to a file"
            case .http: "sends batches to an HTTP endpoint (json, jsonl or custom encoding)"
            case .otlp: "sends OTLP spans to a collector (protobuf or json; base: otel)"
            case .custom: "a send hook you implement"
            }
        return SpecCatalogEntry(name: kind.rawValue, summary: summary)
    }

    /// The transports a spec with `base` may name (`otel` goes with `otlp` only, and `otlp` with `otel` only, as the
    /// parser checks); every transport for a base it does not know.
    public static func transports(forBase base: String) -> [SpecCatalogEntry] {
        switch base {
        case ExporterBase.otel.rawValue: transports.filter { $0.name == TransportKind.otlp.rawValue }
        case ExporterBase.raw.rawValue, ExporterBase.span.rawValue:
            transports.filter { $0.name != TransportKind.otlp.rawValue }
        default: transports
        }
    }

    /// The values of `config.fields[].type`.
    public static let fieldTypes: [SpecCatalogEntry] = [
        SpecCatalogEntry(name: "string", summary: "text"),
        SpecCatalogEntry(name: "int", summary: "a whole number (min/max allowed)"),
        SpecCatalogEntry(name: "double", summary: "a number (min/max allowed)"),
        SpecCatalogEntry(name: "bool", summary: "true or false"),
        SpecCatalogEntry(name: "url", summary: "an absolute URL"),
        SpecCatalogEntry(name: "duration", summary: "5s, 250ms, 2m, or a number of seconds (min/max allowed)"),
        SpecCatalogEntry(name: "secret", summary: "text that is never logged (API keys, passwords)"),
        SpecCatalogEntry(name: "enum", summary: "one of `values`"),
        SpecCatalogEntry(name: "list", summary: "a list of a scalar type given by `of`"),
        SpecCatalogEntry(name: "map", summary: "a map from string to string"),
    ]

    /// The names of the scalar field types, which `list` elements may have.
    static let scalarFieldTypes = fieldTypes.map(\.name).filter { $0 != "list" && $0 != "map" }
}
