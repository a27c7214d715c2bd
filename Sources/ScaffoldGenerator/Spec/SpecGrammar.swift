/// The keys of every mapping of spec_version 1. The parser rejects keys that are not listed here and the JSON
/// Schema is written from it, so adding a key here is how the format grows.
///
/// Of the four descriptions of the format, this one says which keys each mapping has; each key's value is a
/// ``SpecShape``, the closed word lists come from ``SpecCatalog``, and the spelling of names is ``SpecSyntax``'s.
package enum SpecGrammar {
    private static func names(_ entries: [SpecCatalogEntry]) -> [String] { entries.map(\.name) }
    private static let transportKeys: [SpecKey] = [
        SpecKey("compression", .choice(TransportCompression.allCases.map(\.rawValue)), "none or gzip"),
        SpecKey("timeout", .referable(.duration), "per-request timeout"),
        SpecKey("retry", .mapping(retry), "retry policy"),
        SpecKey("dead_letter", .template, "file keeping requests that finally fail (for scaffold replay)"),
    ]

    /// `config.fields[]`.
    package static let field = SpecMapping(
        "field",
        keys: [
            SpecKey("name", .string, required: true, "snake_case key in the workflow YAML"),
            SpecKey("type", .choice(names(SpecCatalog.fieldTypes)), required: true, "the value type"),
            SpecKey("values", .list(.string), "the allowed values of an enum (or of a list of enum)"),
            SpecKey("of", .choice(SpecCatalog.scalarFieldTypes), "the element type of a list"),
            SpecKey("default", .any, "the value when absent"),
            SpecKey("required", .boolean, "whether the key must be given"),
            SpecKey("env", .string, "environment variable read when the key is absent"),
            SpecKey("description", .string, "what the field is for"),
            SpecKey("min", .either(.number, .duration), "smallest allowed value (int, double, duration)"),
            SpecKey("max", .either(.number, .duration), "largest allowed value (int, double, duration)"),
            SpecKey("pattern", .string, "regular expression the value must match (string, secret, url)"),
        ]
    )

    /// `config`.
    package static let config = SpecMapping(
        "config",
        keys: [SpecKey("fields", .list(.mapping(field)), "the configuration fields")]
    )

    /// `processors[]`, one mapping per kind.
    package static let processors: [SpecMapping] = ProcessorKind.allCases.map { kind in
        let keys: [SpecKey] =
            switch kind {
            case .filter:
                [
                    SpecKey(
                        "mode",
                        .referable(.choice(FilterProcessorSpec.Mode.allCases.map(\.rawValue))),
                        "include or exclude"
                    ),
                    SpecKey(
                        "categories",
                        .referable(.list(.string)),
                        "event categories (llm, tool, custom:<subtype>, ...)"
                    ),
                    SpecKey("phases", .referable(.list(.choice(filterPhases))), "start, end, chunk, mark"),
                    SpecKey("names", .referable(.list(.string)), "event names, `*` wildcards allowed"),
                ]
            case .redact:
                [
                    SpecKey("key_paths", .referable(.list(.string)), "dotted JSON key paths to redact"),
                    SpecKey("value_patterns", .referable(.list(.string)), "regular expressions to redact"),
                    SpecKey("replacement", .referable(.string), "text put in place of redacted values"),
                    SpecKey("redact_attributes", .referable(.list(.string)), "span attributes redacted as a whole"),
                ]
            case .enrich:
                [
                    SpecKey("tags", .referable(.map(.string)), "fixed tags"),
                    SpecKey("environment_tags", .referable(.map(.string)), "tag name to environment variable"),
                    SpecKey("prefix", .referable(.string), "prefix of added tag names"),
                    SpecKey("append_to_tags", .referable(.boolean), "append rather than replace"),
                ]
            case .sample:
                [
                    SpecKey("rate", .referable(.number), "fraction of traces kept, 0...1")
                ]
            case .batch:
                [
                    SpecKey("batch_size", .referable(.integer), "items per batch"),
                    SpecKey("flush_interval", .referable(.duration), "longest wait of a partial batch"),
                    SpecKey("max_queue_size", .referable(.integer), "most items held"),
                    SpecKey(
                        "overflow_policy",
                        .referable(.choice(BatchProcessorSpec.OverflowPolicy.allCases.map(\.rawValue))),
                        "drop_newest or drop_oldest"
                    ),
                ]
            case .custom:
                [
                    SpecKey("name", .string, required: true, "snake_case name of the hook"),
                    SpecKey("stage", .choice(CustomProcessorSpec.Stage.allCases.map(\.rawValue)), "events or items"),
                ]
            }
        return SpecMapping("processor '\(kind.rawValue)'", kind: kind.rawValue, keys: keys)
    }

    /// `retry` of the http and otlp transports.
    package static let retry = SpecMapping(
        "retry",
        keys: [
            SpecKey("max_attempts", .referable(.integer), "attempts per batch, the first included"),
            SpecKey("deadline", .referable(.duration), "most time spent on one batch"),
        ]
    )

    /// `auth` of the http and otlp transports when written as a mapping.
    package static let auth = SpecMapping(
        "auth",
        keys: [
            SpecKey("kind", .choice(HTTPAuthKind.allCases.map(\.rawValue)), required: true, "the scheme"),
            SpecKey("token_field", .string, "secret/string field with the token (bearer, api_key_header)"),
            SpecKey("user_field", .string, "string/secret field with the user name (basic)"),
            SpecKey("password_field", .string, "secret/string field with the password (basic)"),
            SpecKey("header", .string, "header name (api_key_header)"),
        ]
    )

    /// `transport`, one mapping per kind.
    package static let transports: [SpecMapping] = TransportKind.allCases.map { kind in
        let keys: [SpecKey] =
            switch kind {
            case .console:
                [
                    SpecKey("stream", .choice(ConsoleTransportSpec.Stream.allCases.map(\.rawValue)), "stdout or stderr")
                ]
            case .file:
                [
                    SpecKey("path", .template, required: true, "the output file"),
                    SpecKey(
                        "format",
                        .choice(FileTransportSpec.Format.allCases.map(\.rawValue)),
                        "how items are written"
                    ),
                ]
            case .http:
                [
                    SpecKey("endpoint", .template, required: true, "URL literal or ${field} (url/string)"),
                    SpecKey("method", .choice(HTTPTransportSpec.Method.allCases.map(\.rawValue)), "POST, PUT or PATCH"),
                    SpecKey("headers", .map(.template), "request headers; values may reference fields"),
                    SpecKey(
                        "auth",
                        .either(.choice(HTTPAuthKind.allCases.map(\.rawValue)), .mapping(auth)),
                        "authorization header sugar"
                    ),
                    SpecKey(
                        "encoding",
                        .choice(HTTPTransportSpec.Encoding.allCases.map(\.rawValue)),
                        "json, jsonl or custom"
                    ),
                ] + transportKeys
            case .otlp:
                [
                    SpecKey("endpoint", .template, required: true, "URL literal or ${field} (url/string)"),
                    SpecKey(
                        "encoding",
                        .choice(OTLPTransportSpec.Encoding.allCases.map(\.rawValue)),
                        "protobuf or json"
                    ),
                    SpecKey("headers", .map(.template), "request headers; values may reference fields"),
                    SpecKey("resource_attributes", .map(.template), "OTLP resource attributes"),
                    SpecKey(
                        "auth",
                        .either(.choice(HTTPAuthKind.allCases.map(\.rawValue)), .mapping(auth)),
                        "authorization header sugar"
                    ),
                ] + transportKeys
            case .custom: []
            }
        return SpecMapping("transport '\(kind.rawValue)'", kind: kind.rawValue, keys: keys)
    }

    /// `runtime`.
    package static let runtime = SpecMapping(
        "runtime",
        keys: [
            SpecKey("path", .string, "local checkout of exporter-scaffold"),
            SpecKey("url", .string, "Git URL of exporter-scaffold"),
            SpecKey("from", .string, "minimum version with url"),
        ]
    )

    /// `tracing`.
    package static let tracing = SpecMapping(
        "tracing",
        keys: [
            SpecKey(
                "bridge",
                .boolean,
                "the application bootstraps ExporterTracing's RuntimeTracer: the README shows how (default false)"
            )
        ]
    )

    /// The document.
    package static let root = SpecMapping(
        "spec",
        keys: [
            SpecKey("spec_version", .integer, required: true, "always 1"),
            SpecKey("name", .string, required: true, "the registered _type: [a-z][a-z0-9_]*"),
            SpecKey("module", .string, "Swift module and package name (default: derived from name)"),
            SpecKey("description", .string, "what the exporter does"),
            SpecKey("version", .string, "semantic version of the package (default 0.1.0)"),
            SpecKey("base", .choice(names(SpecCatalog.bases)), required: true, "raw, span or otel"),
            SpecKey("config", .mapping(config), "configuration"),
            SpecKey("processors", .list(.kinds(processors)), "processors, in order"),
            SpecKey("transport", .kinds(transports), required: true, "where items go"),
            SpecKey("runtime", .mapping(runtime), "how the package depends on the runtime"),
            SpecKey("tracing", .mapping(tracing), "swift-distributed-tracing: bridge library spans into this exporter"),
        ]
    )

    /// Event phases a filter accepts.
    package static let filterPhases = ["start", "end", "chunk", "mark"]

    /// Every mapping, for tests and documentation.
    package static var allMappings: [SpecMapping] {
        [root, config, field, retry, auth, runtime, tracing] + processors + transports
    }
}
