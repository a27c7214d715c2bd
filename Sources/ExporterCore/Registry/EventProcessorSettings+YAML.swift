import ExporterDiagnostics
import ExporterEvents
import ExporterYAML

extension EventProcessorSettings {
    /// Reads an exporter section's `processors:` list, checking every option where it is written: an unknown
    /// `_type` (with a did-you-mean), unknown keys, wrong types, unknown category or phase names, malformed key
    /// paths, regular expressions that do not compile, a rate outside 0...1. All problems are reported at once, each
    /// at its file:line:col.
    /// A null value (`processors:` with nothing after it) is the empty list.
    public static func list(from node: YAMLNode, decoder: YAMLDecoder) throws(DiagnosticError) -> [Self] {
        if node.isNull { return [] }
        guard let elements = node.sequence else {
            throw DiagnosticError(
                .error(
                    .configurationInvalidValue,
                    "'processors' must be a list of mappings with a '_type'",
                    at: node.location,
                    hint: "for example: processors: [{_type: sample, rate: 0.25}]"
                )
            )
        }
        var decoder = decoder
        decoder.ignoredKeys.insert("_type")
        var settings: [Self] = []
        var diagnostics: [Diagnostic] = []
        for element in elements {
            do {
                settings.append(try entry(from: element, decoder: decoder))
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }
        return settings
    }

    private static func entry(from node: YAMLNode, decoder: YAMLDecoder) throws(DiagnosticError) -> Self {
        guard node.mapping != nil else {
            throw DiagnosticError(
                .error(
                    .configurationNotAMapping,
                    "a processor must be a mapping with a '_type'",
                    at: node.location,
                    hint: "one of: \(typeNames.joined(separator: ", "))"
                )
            )
        }
        guard let typeNode = node["_type"] else {
            let hint =
                node["kind"] != nil
                ? "a workflow file names processors with '_type' ('kind' is exporter.yaml's word)"
                : "set '_type' to one of: \(typeNames.joined(separator: ", "))"
            throw DiagnosticError(
                .error(.configurationMissingType, "processor has no '_type'", at: node.location, hint: hint)
            )
        }
        switch typeNode.stringValue {
        case "filter": return .filter(try decoder.decode(FilterEntry.self, from: node).options)
        case "redact": return .redact(try decoder.decode(RedactEntry.self, from: node).options)
        case "enrich": return .enrich(try decoder.decode(EnrichEntry.self, from: node).options)
        case "sample": return .sample(try decoder.decode(SampleEntry.self, from: node).options)
        default: throw unknownType(typeNode)
        }
    }

    /// The keys each processor `_type` reads, as the decoder records them (see `YAMLDecoder.keys(of:)`).
    package static var keysByType: [(typeName: String, keys: [String])] {
        let decoder = YAMLDecoder(ignoredKeys: ["_type"])
        return typeNames.map { name in
            let keys: [String] =
                switch name {
                case "filter": decoder.keys(of: FilterEntry.self)
                case "redact": decoder.keys(of: RedactEntry.self)
                case "enrich": decoder.keys(of: EnrichEntry.self)
                default: decoder.keys(of: SampleEntry.self)
                }
            return (name, keys)
        }
    }

    private static func unknownType(_ node: YAMLNode) -> DiagnosticError {
        let written = node.stringValue ?? "\(node)"
        let listing = "processor types: \(typeNames.joined(separator: ", "))"
        let hint: String
        switch written {
        case "batch":
            hint = "batching belongs to the exporter itself (its own batch settings); \(listing)"
        case "custom":
            hint =
                "a custom processor is Swift code: put it in the exporter's pipeline (a generated exporter's spec "
                + "`kind: custom`); \(listing)"
        default:
            hint = DidYouMean.hint(for: written, among: typeNames).map { "\($0) \(listing)" } ?? listing
        }
        return DiagnosticError(
            .error(.configurationUnknownType, "unknown processor type '\(written)'", at: node.location, hint: hint)
        )
    }
}

/// Collects the problems of one processor entry, each at the node it is about.
private struct ProblemList {
    var diagnostics: [Diagnostic] = []

    /// Records `error` (a processor's own `PRC00x` diagnostic, which has no position) at `location`.
    mutating func record(_ error: any Error, at location: SourceLocation?) {
        guard let error = error as? DiagnosticError else {
            diagnostics.append(.error(.configurationInvalidValue, "\(error)", at: location))
            return
        }
        diagnostics += error.diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            if diagnostic.location == nil { diagnostic.location = location }
            return diagnostic
        }
    }

    /// Runs `check` on each element of the list at `key`, recording a failure at that element.
    mutating func checkElements(
        _ values: [String],
        key: String,
        in decoder: any Decoder,
        _ check: (String) throws -> Void
    ) {
        let nodes = decoder.yamlNode?[key]?.sequence ?? []
        for (index, value) in values.enumerated() {
            do {
                try check(value)
            } catch {
                record(error, at: nodes.indices.contains(index) ? nodes[index].location : decoder.yamlLocation)
            }
        }
    }

    /// `written` when it is one of `allowed`; otherwise records an error at `location` and returns nil.
    mutating func choice(_ written: String, _ what: String, allowed: [String], at location: SourceLocation?) -> String?
    {
        if allowed.contains(written) { return written }
        let expected = "expected one of: \(allowed.joined(separator: ", "))"
        diagnostics.append(
            .error(
                .configurationInvalidValue,
                "unknown \(what) '\(written)'",
                at: location,
                hint: DidYouMean.hint(for: written, among: allowed).map { "\($0) \(expected)" } ?? expected
            )
        )
        return nil
    }

    /// Throws the problems in the order they are written.
    func finish() throws {
        guard !diagnostics.isEmpty else { return }
        throw DiagnosticError(
            diagnostics.sorted {
                ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0)
            }
        )
    }
}

/// `_type: filter` — `mode`, `categories`, `phases`, `names`.
private struct FilterEntry: Decodable, YAMLRejectsUnknownKeys {
    var options = FilterOptions()

    enum CodingKeys: String, CodingKey {
        case mode, categories, phases, names
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var problems = ProblemList()
        if let mode = try container.decodeIfPresent(String.self, forKey: .mode) {
            let allowed = FilterOptions.Mode.allCases.map(\.rawValue)
            let location = decoder.yamlNode?["mode"]?.location
            if let name = problems.choice(mode, "filter mode", allowed: allowed, at: location) {
                options.mode = FilterOptions.Mode(rawValue: name) ?? .include
            }
        }
        options.categories = try container.decodeIfPresent([String].self, forKey: .categories) ?? []
        problems.checkElements(options.categories, key: "categories", in: decoder) { name in
            _ = try FilterProcessor(options: FilterOptions(categories: [name]))
        }
        let phases = try container.decodeIfPresent([String].self, forKey: .phases) ?? []
        let phaseNodes = decoder.yamlNode?["phases"]?.sequence ?? []
        for (index, name) in phases.enumerated() {
            let location = phaseNodes.indices.contains(index) ? phaseNodes[index].location : nil
            let allowed = EventPhase.allCases.map(\.rawValue)
            if let phase = problems.choice(name, "event phase", allowed: allowed, at: location)
                .flatMap(EventPhase.init(rawValue:))
            {
                options.phases.insert(phase)
            }
        }
        options.names = try container.decodeIfPresent([String].self, forKey: .names) ?? []
        try problems.finish()
    }
}

/// `_type: redact` — `key_paths`, `value_patterns`, `redact_attributes`, `replacement`.
private struct RedactEntry: Decodable, YAMLRejectsUnknownKeys {
    var options = RedactionOptions()

    enum CodingKeys: String, CodingKey {
        case replacement
        case keyPaths = "key_paths"
        case valuePatterns = "value_patterns"
        case redactAttributes = "redact_attributes"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var problems = ProblemList()
        options.keyPaths = try container.decodeIfPresent([String].self, forKey: .keyPaths) ?? []
        problems.checkElements(options.keyPaths, key: "key_paths", in: decoder) { path in
            _ = try RedactionProcessor(keyPaths: [path])
        }
        options.valuePatterns = try container.decodeIfPresent([String].self, forKey: .valuePatterns) ?? []
        problems.checkElements(options.valuePatterns, key: "value_patterns", in: decoder) { pattern in
            _ = try RedactionProcessor(valuePatterns: [pattern])
        }
        options.redactAttributes = try container.decodeIfPresent([String].self, forKey: .redactAttributes) ?? []
        problems.checkElements(options.redactAttributes, key: "redact_attributes", in: decoder) { attribute in
            _ = try RedactionProcessor(redactAttributes: [attribute])
        }
        options.replacement = try container.decodeIfPresent(String.self, forKey: .replacement) ?? options.replacement
        try problems.finish()
    }
}

/// `_type: enrich` — `tags`, `environment_tags`, `prefix`, `append_to_tags`.
private struct EnrichEntry: Decodable, YAMLRejectsUnknownKeys {
    var options = EnrichmentOptions()

    enum CodingKeys: String, CodingKey {
        case tags, prefix
        case environmentTags = "environment_tags"
        case appendToTags = "append_to_tags"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var problems = ProblemList()
        options.tags = try container.decodeIfPresent([String: String].self, forKey: .tags) ?? [:]
        options.environmentTags = try container.decodeIfPresent([String: String].self, forKey: .environmentTags) ?? [:]
        for key in ["tags", "environment_tags"] {
            guard let entries = decoder.yamlNode?[key]?.mapping else { continue }
            for entry in entries where entry.key.stringValue?.isEmpty ?? false {
                problems.diagnostics.append(
                    .error(.processorEmptyTagKey, "'\(key)' has an empty tag name", at: entry.key.location)
                )
            }
        }
        options.prefix = try container.decodeIfPresent(String.self, forKey: .prefix)
        options.appendToTags = try container.decodeIfPresent(Bool.self, forKey: .appendToTags) ?? false
        try problems.finish()
    }
}

/// `_type: sample` — `rate`.
private struct SampleEntry: Decodable, YAMLRejectsUnknownKeys {
    var options = SamplingOptions()

    enum CodingKeys: String, CodingKey {
        case rate
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var problems = ProblemList()
        options.rate = try container.decodeIfPresent(Double.self, forKey: .rate) ?? 1
        do {
            try options.validate()
        } catch {
            problems.record(error, at: decoder.yamlNode?["rate"]?.location)
        }
        try problems.finish()
    }
}
