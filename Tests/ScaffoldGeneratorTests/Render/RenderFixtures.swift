import ExporterDiagnostics

@testable import ScaffoldGenerator

/// Specs the render tests generate, built directly (the loader has its own tests).
enum RenderFixtures {
    static let here = SourceLocation(file: "exporter.yaml", line: 1, column: 1)

    static func field(
        _ name: String,
        _ type: FieldType,
        default value: FieldValue? = nil,
        required: Bool = false,
        env: String? = nil,
        description: String = "",
        min: FieldValue? = nil,
        max: FieldValue? = nil,
        pattern: String? = nil
    ) -> ConfigField {
        ConfigField(
            name: name,
            swiftName: SwiftIdentifier.propertyName(name),
            type: type,
            defaultValue: value,
            required: required,
            env: env,
            description: description,
            min: min,
            max: max,
            pattern: pattern,
            location: here
        )
    }

    /// base raw, transport file, filter + redact + batch, every scalar field type.
    static let rawFile = ExporterSpec(
        name: "acme_raw",
        module: "AcmeRaw",
        moduleWasDerived: true,
        description: "Writes events to a file.",
        base: .raw,
        fields: [
            field("output_path", .string, default: .string("traces/acme.jsonl"), description: "Where lines go."),
            field("api_key", .secret, env: "ACME_API_KEY"),
            field("batch_size", .int, default: .int(50), min: .int(1), max: .int(10_000)),
            field("flush_interval", .duration, default: .duration(nanoseconds: 5_000_000_000)),
            field("region", .enumeration(["us", "eu"]), default: .string("us"), env: "ACME_REGION"),
            field("tags", .list(.string), default: .list([])),
            field("extra_headers", .map, default: .map([:])),
            field("service", .string, required: true, pattern: "^[a-z-]+$"),
            field("ratio", .double, default: .double(0.5), min: .double(0), max: .double(1)),
            field("verbose", .bool, default: .bool(false), env: "ACME_VERBOSE"),
        ],
        processors: [
            .filter(
                FilterProcessorSpec(
                    mode: .literal(.include),
                    categories: .literal(["llm", "tool", "workflow", "function"]),
                    location: here
                )
            ),
            .redact(
                RedactProcessorSpec(
                    keyPaths: .literal(["input.api_key"]),
                    valuePatterns: .literal(["sk-[A-Za-z0-9]{20,}"]),
                    location: here
                )
            ),
            .batch(
                BatchProcessorSpec(
                    batchSize: .field("batch_size"),
                    flushInterval: .field("flush_interval"),
                    location: here
                )
            ),
        ],
        transport: .file(
            FileTransportSpec(path: StringTemplate(parts: [.field("output_path")], location: here), location: here)
        ),
        location: here
    )

    /// base span, transport console, enrich + sample + batch.
    static let spanConsole = ExporterSpec(
        name: "acme_span",
        module: "AcmeSpan",
        moduleWasDerived: true,
        description: "Prints span trees.",
        base: .span,
        fields: [
            field("endpoint", .url, required: true, description: "Where to send spans."),
            field("sample_rate", .double, default: .double(1), min: .double(0), max: .double(1)),
            field("team", .string, default: .string("search"), env: "ACME_TEAM"),
            field(
                "timeout",
                .duration,
                default: .duration(nanoseconds: 250_000_000),
                min: .duration(nanoseconds: 1_000_000),
                max: .duration(nanoseconds: 60_000_000_000)
            ),
        ],
        processors: [
            .enrich(EnrichProcessorSpec(tags: .literal(["team": "search"]), prefix: .literal("acme"), location: here)),
            .sample(SampleProcessorSpec(rate: .field("sample_rate"), location: here)),
            .batch(BatchProcessorSpec(batchSize: .literal(10), location: here)),
        ],
        transport: .console(ConsoleTransportSpec(stream: .stdout, location: here)),
        location: here
    )

    /// base span, custom processors on both stages and a custom transport.
    static let custom = ExporterSpec(
        name: "acme_custom",
        module: "AcmeCustom",
        moduleWasDerived: true,
        base: .span,
        fields: [field("token", .secret, required: true, env: "ACME_TOKEN")],
        processors: [
            .custom(CustomProcessorSpec(name: "scrub_pii", swiftName: "ScrubPii", stage: .events, location: here)),
            .custom(CustomProcessorSpec(name: "rename_spans", swiftName: "RenameSpans", stage: .items, location: here)),
        ],
        transport: .custom(CustomTransportSpec(location: here)),
        location: here
    )

    /// Strings that break naive code generation, everywhere a spec allows free text.
    static let nasty = ExporterSpec(
        name: "nasty_strings",
        module: "NastyStrings",
        moduleWasDerived: true,
        description:
            "Quotes \" and \\ and \"\"\" and \\(x) and #\"raw\"# and\nnew lines, tabs\t, émoji 🚀 and \u{202E}bidi.",
        base: .raw,
        fields: [
            field("label", .string, default: .string("\"\"\"\\(boom)\"#\n"), description: "*/ /* \\(x) \"\"\""),
            field("mode", .enumeration(["a-b", "a_b", "class", "\"q\""]), default: .string("class")),
            field("keywords", .list(.string), default: .list([.string("func"), .string("\\u{0}"), .string("#")])),
            field("headers", .map, default: .map(["\"k\"": "\\v", "x": "#\"y\"#"])),
            field("default", .string, pattern: "^[\"\\\\]+$"),
            // Names of the generated Document's locals.
            field("section", .int, default: .int(1), min: .int(0)),
            field("reader", .string),
        ],
        processors: [
            .redact(RedactProcessorSpec(replacement: .literal("\"\"\"#\\("), location: here)),
            .enrich(EnrichProcessorSpec(tags: .literal(["a\"b": "c\\d\n"]), prefix: .field("label"), location: here)),
        ],
        transport: .console(ConsoleTransportSpec(stream: .stderr, location: here)),
        location: here
    )

    /// base span, transport http: JSON array bodies, bearer auth from a secret with an environment fallback,
    /// headers referencing fields (and nasty literal text), batching, gzip, timeout and retry.
    static let httpJSON = ExporterSpec(
        name: "acme_http",
        module: "AcmeHTTP",
        moduleWasDerived: false,
        description: "Sends spans to the Acme API.",
        base: .span,
        fields: [
            field("endpoint", .url, required: true, description: "Where to send spans."),
            field("api_key", .secret, required: true, env: "ACME_API_KEY"),
            field("region", .enumeration(["us", "eu"]), default: .string("us")),
            field("tenant", .string, description: "Sent as X-Tenant when set."),
            field("batch_size", .int, default: .int(50), min: .int(1), max: .int(10_000)),
        ],
        processors: [
            .batch(BatchProcessorSpec(batchSize: .field("batch_size"), location: here))
        ],
        transport: .http(
            HTTPTransportSpec(
                endpoint: StringTemplate(parts: [.field("endpoint")], location: here),
                method: .put,
                headers: [
                    TemplateEntry(
                        name: "X-Region",
                        value: StringTemplate(parts: [.literal("acme-"), .field("region")], location: here),
                        location: here
                    ),
                    TemplateEntry(
                        name: "X-Tenant",
                        value: StringTemplate(parts: [.field("tenant")], location: here),
                        location: here
                    ),
                    TemplateEntry(
                        name: "X-Nasty",
                        value: StringTemplate(literal: "\"\"\" \\(x) #\"raw\"# $${ \\", location: here),
                        location: here
                    ),
                ],
                auth: .bearer(tokenField: "api_key"),
                encoding: .json,
                compression: .gzip,
                timeout: .literal(.seconds(5)),
                retry: RetrySpec(maxAttempts: .literal(4), deadline: .literal(.seconds(20)), location: here),
                deadLetter: StringTemplate(literal: ".tmp/acme-dead-letters.jsonl", location: here),
                location: here
            )
        ),
        location: here
    )

    /// base otel, transport otlp: protobuf, a header carrying an optional secret (sent only when set), and
    /// resource attributes from literals (nasty ones too) and fields.
    static let otelOTLP = ExporterSpec(
        name: "acme_otel",
        module: "AcmeOTel",
        moduleWasDerived: false,
        description: "Sends OTLP spans to the Acme collector.",
        base: .otel,
        fields: [
            field("endpoint", .url, default: .string("http://localhost:4318/v1/traces")),
            field("api_key", .secret, env: "ACME_OTLP_KEY"),
            field("project", .string, default: .string("demo")),
        ],
        processors: [
            .enrich(EnrichProcessorSpec(tags: .literal(["team": "search"]), location: here))
        ],
        transport: .otlp(
            OTLPTransportSpec(
                endpoint: StringTemplate(parts: [.field("endpoint")], location: here),
                encoding: .protobuf,
                headers: [
                    TemplateEntry(
                        name: "x-api-key",
                        value: StringTemplate(parts: [.field("api_key")], location: here),
                        location: here
                    )
                ],
                resourceAttributes: [
                    TemplateEntry(
                        name: "openinference.project.name",
                        value: StringTemplate(parts: [.field("project")], location: here),
                        location: here
                    ),
                    TemplateEntry(
                        name: "deployment.environment",
                        value: StringTemplate(literal: "staging", location: here),
                        location: here
                    ),
                    TemplateEntry(
                        name: "nasty \"\"\" \\(x) #",
                        value: StringTemplate(literal: "\"\"\"\\(boom)\"#\n é 🚀", location: here),
                        location: here
                    ),
                ],
                compression: .none,
                location: here
            )
        ),
        tracingBridge: true,
        location: here
    )

    /// base raw, transport http with a user-owned encoder, no batching, basic auth whose password is optional.
    static let httpCustom = ExporterSpec(
        name: "acme_events",
        module: "AcmeEvents",
        moduleWasDerived: true,
        base: .raw,
        fields: [
            field("user", .string, default: .string("agent")),
            field("password", .secret, env: "ACME_PASSWORD"),
        ],
        processors: [],
        transport: .http(
            HTTPTransportSpec(
                endpoint: StringTemplate(literal: "https://events.example.com/ingest", location: here),
                auth: .basic(userField: "user", passwordField: "password"),
                encoding: .custom,
                location: here
            )
        ),
        location: here
    )

    /// Every lower-case Swift keyword (field names are snake_case), plus names the generated code declares or
    /// uses itself (members of the configuration and its `Document`, parameters, locals, the exporter's members).
    static let keywordFieldNames =
        SwiftIdentifier.keywords.filter { $0.first?.isLowercase == true }.sorted() + [
            "buffer", "description", "debug_description", "hash_value", "location", "resolve", "decode",
            "environment", "decoder", "type", "configuration", "section", "reader", "document", "text", "file",
            "entries", "value", "context", "transport", "hooks", "headers", "payload", "exporter", "pipeline",
            "type_name",
        ]

    /// An exporter named `exporter` (module `Exporter`) whose fields are named by every keyword and every name
    /// the generated code declares, some sent as HTTP headers.
    static let keywords = ExporterSpec(
        name: "exporter",
        module: "Exporter",
        moduleWasDerived: true,
        description: "Fields named like keywords and generated members.",
        base: .span,
        fields: [field("endpoint", .url, required: true)]
            + keywordFieldNames.map { field($0, .string, default: .string($0)) },
        processors: [],
        transport: .http(
            HTTPTransportSpec(
                endpoint: StringTemplate(parts: [.field("endpoint")], location: here),
                method: .post,
                headers: ["default", "self", "init", "protocol", "description", "buffer", "location"].map { name in
                    TemplateEntry(
                        name: "X-" + name,
                        value: StringTemplate(parts: [.field(name)], location: here),
                        location: here
                    )
                },
                auth: .none,
                encoding: .json,
                compression: .none,
                timeout: .literal(.seconds(5)),
                retry: RetrySpec(maxAttempts: .literal(2), deadline: .literal(.seconds(20)), location: here),
                deadLetter: nil,
                location: here
            )
        ),
        location: here
    )

    static let all: [(name: String, spec: ExporterSpec)] = [
        ("raw-file", rawFile), ("span-console", spanConsole), ("custom", custom), ("nasty", nasty),
        ("http-json", httpJSON), ("http-custom", httpCustom), ("otel-otlp", otelOTLP), ("keywords", keywords),
    ]

    static func options(runtimePath: String = "../exporter-scaffold") -> GeneratorOptions {
        GeneratorOptions(runtime: .path(runtimePath), runtimePackage: "exporter-scaffold", generatorVersion: "0.1.0")
    }
}
