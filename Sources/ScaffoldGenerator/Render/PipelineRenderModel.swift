import ExporterDiagnostics

/// The exporter's stages and transport as Swift: which runtime processors, in which order, ending in the payload
/// the transport takes.
struct PipelineRenderModel {
    /// One stage of `Pipeline.build`, after the hooks stage.
    struct Stage {
        /// The stage's expression.
        var expression: SwiftCode
        /// Whether building it throws (so it is written with `try`).
        var throwing: Bool
        /// The stage's name (in statistics, and in the generated order test).
        var name: String
    }

    /// The stages, in order, after the hooks stage.
    var stages: [Stage] = []
    /// Whether any stage is built with `try` (so `Pipeline.build` needs it; a needless `try` is a warning).
    var pipelineThrows: Bool { stages.contains(where: \.throwing) }
    var payloadType = "[UInt8]"
    var transportType = ""
    /// The expression creating the transport, and whether it throws.
    var transportInit: (expression: SwiftCode, throwing: Bool) = (.atom(""), false)
    /// A Swift expression (of `payload`) turning one payload into text for the golden file.
    var payloadText = ""
    /// The http or otlp transport's code, for those transports.
    var http: HTTPTransportRenderModel?
    /// The user-owned encoder type of `encoding: custom`.
    var customEncoder: String?
    /// What the http transport's encoder takes a batch of.
    var encodedItemType = "AgentEvent"
    /// `protobuf` or `json` for the otlp transport.
    var otlpEncoding: String?
    /// Whether the spec's processors may drop items (filter, sample, custom).
    var mayDrop = false
    /// The field that is the `otlp` transport's endpoint, whose environment fallback the generated test checks.
    var otlpEndpointField: FieldRenderModel?
    /// The generated test's checks that the batch fields fall back to `OTEL_BSP_*` (at column 8).
    var otelBatchChecks: [String] = []

    /// - Parameters:
    ///   - customTransport: the type of the user-owned transport (`kind: custom`).
    ///   - customEncoder: the type of the user-owned encoder (`encoding: custom`).
    init(
        spec: ExporterSpec,
        fields: [FieldRenderModel],
        customTransport: String,
        customEncoder: String
    ) throws(DiagnosticError) {
        let options = OptionRenderer(fields: fields)
        otlpEndpointField = fields.first(where: \.isOTLPEndpoint)
        // The values the test sets: OTEL_BSP_MAX_EXPORT_BATCH_SIZE=7, _MAX_QUEUE_SIZE=70, _SCHEDULE_DELAY=250.
        let batchExpectations = ["batchSize": "7", "maxQueueSize": "70", "scheduleDelay": ".milliseconds(250)"]
        otelBatchChecks = fields.compactMap { field in
            field.otelBatchFunction.flatMap { batchExpectations[$0] }.map {
                "        #expect(batching.\(field.property) == \($0))"
            }
        }
        let spanBased = spec.base != .raw
        mayDrop = spec.processors.contains { processor in
            switch processor {
            case .filter, .sample, .custom: true
            default: false
            }
        }
        let (itemType, batched) = appendProcessorStages(spec.processors, spanBased: spanBased, options: options)
        switch spec.transport {
        case .console(let console): wireConsole(console, spanBased: spanBased, batched: batched)
        case .file(let file): wireFile(file, spanBased: spanBased, batched: batched, options: options)
        case .custom: wireCustom(typeName: customTransport, itemType: itemType, batched: batched)
        case .http(let transport):
            wireHTTP(transport, encoder: customEncoder, itemType: itemType, batched: batched, options: options)
        case .otlp(let otlp):
            wireOTLP(otlp, serviceName: spec.name, itemType: itemType, batched: batched, options: options)
        }
    }

    /// The spec's processors as stages, in the order they run: event-stage processors, then (span-based) the span
    /// builder and item-stage custom processors, then the batch processor wherever the spec lists it. Returns what
    /// the last stage emits items of, and whether it emits batches.
    private mutating func appendProcessorStages(
        _ processors: [ProcessorSpec],
        spanBased: Bool,
        options: OptionRenderer
    ) -> (itemType: String, batched: Bool) {
        let eventStage = processors.filter { processor in
            if case .custom(let custom) = processor { return custom.stage == .events || !spanBased }
            if case .batch = processor { return false }
            return true
        }
        let itemStage = processors.filter { processor in
            if case .custom(let custom) = processor { return custom.stage == .items && spanBased }
            return false
        }
        let batch = processors.compactMap { processor -> BatchProcessorSpec? in
            if case .batch(let batch) = processor { return batch }
            return nil
        }.first
        var itemType = "AgentEvent"
        for processor in eventStage { add(processor, options: options, itemType: itemType) }
        if spanBased {
            appendPlain("SpanBuilder()", name: "spans")
            itemType = "Span"
        }
        for processor in itemStage { add(processor, options: options, itemType: itemType) }
        guard let batch else { return (itemType, false) }
        add(.batch(batch), options: options, itemType: itemType)
        return (itemType, true)
    }

    /// `console`: span trees printed, or serialized events written to the stream.
    private mutating func wireConsole(_ console: ConsoleTransportSpec, spanBased: Bool, batched: Bool) {
        if spanBased {
            if batched { appendPlain("UnbatchProcessor<Span>()", name: "unbatch") }
            appendPlain("SpanTreeAssembler()", name: "trees")
            payloadType = "SpanTree"
            transportType = "ConsoleSink"
            transportInit = (
                .call(
                    "ConsoleSink",
                    [("renderer", .atom("ConsoleRenderer()")), ("stream", .atom(".\(console.stream.rawValue)"))]
                ),
                false
            )
            payloadText = "ConsoleRenderer().render(payload) + \"\\n\""
        } else {
            appendEventSerializer(format: ".intermediateStep", batched: batched)
            transportType = "StreamSink"
            transportInit = (.call("StreamSink", [("stream", .atom(".\(console.stream.rawValue)"))]), false)
            payloadText = "String(decoding: payload, as: UTF8.self)"
        }
    }

    /// `file`: span or event JSON lines appended to the file.
    private mutating func wireFile(_ file: FileTransportSpec, spanBased: Bool, batched: Bool, options: OptionRenderer) {
        if spanBased {
            if batched {
                appendPlain("SpanBatchJSONSerializer()", name: "serialize")
            } else {
                appendPlain("SpanJSONSerializer()", name: "serialize")
            }
        } else {
            appendEventSerializer(format: file.format == .atof ? ".atof" : ".intermediateStep", batched: batched)
        }
        transportType = "FileSink"
        let path = SwiftCode.call(
            "context.resolve",
            [("path", .atom(options.template(file.path, configuration: "configuration")))]
        )
        transportInit = (.call("FileSink", [("path", path)]), true)
        payloadText = "String(decoding: payload, as: UTF8.self)"
    }

    /// `custom`: the user-owned transport takes the items (or batches) as they are.
    private mutating func wireCustom(typeName: String, itemType: String, batched: Bool) {
        payloadType = batched ? "[\(itemType)]" : itemType
        transportType = typeName
        transportInit = (
            .call(
                typeName,
                [("configuration", .atom("configuration")), ("context", .atom("context"))]
            ),
            true
        )
        switch (itemType, batched) {
        case ("AgentEvent", false): payloadText = "String(decoding: TraceWriter().encode([payload]), as: UTF8.self)"
        case ("AgentEvent", true):
            payloadText = "String(decoding: TraceWriter().encode(payload), as: UTF8.self) + \"--- batch\\n\""
        case (_, false):
            payloadText = "String(decoding: SpanJSONSerializer().transform(payload) ?? [], as: UTF8.self)"
        default:
            payloadText =
                "String(decoding: SpanBatchJSONSerializer().transform(payload) ?? [], as: UTF8.self) + \"--- batch\\n\""
        }
    }

    /// `http`: batches encoded (JSON, JSON lines or the user's encoder) and sent by `HTTPExportSink`.
    private mutating func wireHTTP(
        _ transport: HTTPTransportSpec,
        encoder: String,
        itemType: String,
        batched: Bool,
        options: OptionRenderer
    ) {
        if !batched { appendSingleBatch(itemType) }
        switch transport.encoding {
        case .json, .jsonl:
            let framing = transport.encoding == .json ? ".array" : ".lines"
            appendPlain("JSONPayloadEncoder<\(itemType)>(framing: \(framing))", name: "encode")
        case .custom:
            append(
                "encode",
                .call(encoder, [("configuration", .atom("configuration"))]),
                throwing: true
            )
            customEncoder = encoder
        }
        payloadType = "HTTPPayload"
        transportType = "HTTPExportSink"
        transportInit = (
            .call("HTTPExportSink", Self.sinkArguments(deadLetter: transport.deadLetter != nil)), false
        )
        payloadText = "payload.contentType + \"\\n\" + String(decoding: payload.body, as: UTF8.self) + \"\\n\""
        encodedItemType = itemType
        http = HTTPTransportRenderModel(http: transport, options: options)
    }

    /// `otlp`: batches of spans encoded as OTLP requests and sent by `HTTPExportSink.otlp`.
    private mutating func wireOTLP(
        _ otlp: OTLPTransportSpec,
        serviceName: String,
        itemType: String,
        batched: Bool,
        options: OptionRenderer
    ) {
        if !batched { appendSingleBatch(itemType) }
        appendPlain("OTLPPayloadEncoder(encoding: Self.otlpEncoding(configuration))", name: "otlp")
        payloadType = "HTTPPayload"
        transportType = "HTTPExportSink"
        transportInit = (
            .call(
                "HTTPExportSink.otlp",
                Self.sinkArguments(
                    deadLetter: otlp.deadLetter != nil,
                    encoding: HTTPTransportRenderModel.encoding(otlp)
                )
            ),
            false
        )
        payloadText =
            "(try? OTLPTraceRequestSummary(body: payload.body, encoding: .\(otlp.encoding.rawValue)).json) ?? \"?\""
            + " + \"\\n\""
        otlpEncoding = otlp.encoding.rawValue
        http = HTTPTransportRenderModel(otlp: otlp, serviceName: serviceName, options: options)
    }

    /// The arguments of the http and otlp transports' `HTTPExportSink`: the dead-letter file only when the spec
    /// has one.
    private static func sinkArguments(deadLetter: Bool, encoding: String? = nil) -> [(String?, SwiftCode)] {
        var arguments: [(String?, SwiftCode)] = [
            ("configuration", .atom("try Self.transportConfiguration(configuration, context: context)"))
        ]
        if let encoding { arguments.append(("encoding", .atom(encoding))) }
        if deadLetter {
            arguments.append(("deadLetter", .atom("try Self.deadLetterFile(configuration, context: context)")))
        }
        arguments.append(("logger", .atom("context.logger")))
        return arguments
    }

    /// A stage wrapping each item in a batch of one, for transports that send batches.
    private mutating func appendSingleBatch(_ itemType: String) {
        appendPlain("MapProcessor<\(itemType), [\(itemType)]> { [$0] }", name: "single")
    }

    private mutating func appendEventSerializer(format: String, batched: Bool) {
        if batched {
            appendPlain("EventBatchJSONSerializer(format: \(format))", name: "serialize")
        } else {
            appendPlain("EventJSONSerializer(format: \(format))", name: "serialize")
        }
    }

    private mutating func append(_ name: String, _ processor: SwiftCode, throwing: Bool) {
        let named = SwiftCode.call("NamedProcessor", [(nil, .atom(RenderSyntax.literal(name))), (nil, processor)])
        stages.append(Stage(expression: named, throwing: throwing, name: name))
    }

    private mutating func add(_ processor: ProcessorSpec, options: OptionRenderer, itemType: String) {
        switch processor {
        case .filter(let filter): append("filter", Self.filterProcessor(filter, options: options), throwing: true)
        case .redact(let redact): append("redact", Self.redactionProcessor(redact, options: options), throwing: true)
        case .enrich(let enrich):
            append("enrich", Self.enrichmentProcessor(enrich, options: options), throwing: true)
        case .sample(let sample):
            let rate = sample.rate.map { options.double($0) } ?? "1.0"
            append("sample", .call("SamplingProcessor", [("rate", .atom(rate))]), throwing: true)
        case .custom(let custom):
            let typeName = custom.swiftName + "Processor"
            append(custom.name, .call(typeName, [("configuration", .atom("configuration"))]), throwing: true)
        case .batch(let batch):
            append("batch", Self.batchingProcessor(batch, itemType: itemType, options: options), throwing: true)
        }
    }

    /// `FilterProcessor(options: FilterOptions(…))`.
    private static func filterProcessor(_ filter: FilterProcessorSpec, options: OptionRenderer) -> SwiftCode {
        let mode = filter.mode.map { options.enumeration($0, type: "FilterOptions.Mode", fallback: ".include") }
        let phases: SwiftCode
        switch filter.phases {
        case .literal(let names)?:
            phases = .array(
                names.filter { ["start", "end", "chunk", "mark"].contains($0) }.map { .atom("." + $0) }
            )
        case .field?:
            phases = .atom(
                "Set(\(filter.phases.map { options.stringsExpression($0) } ?? "[]").compactMap(EventPhase.init(rawValue:)))"
            )
        case nil:
            phases = .array([])
        }
        let optionsCode = SwiftCode.call(
            "FilterOptions",
            [
                ("mode", .atom(mode ?? ".include")),
                ("categories", filter.categories.map { options.strings($0) } ?? .array([])),
                ("phases", phases),
                ("names", filter.names.map { options.strings($0) } ?? .array([])),
            ]
        )
        return .call("FilterProcessor", [("options", optionsCode)])
    }

    /// `RedactionProcessor(options: RedactionOptions(…))`.
    private static func redactionProcessor(_ redact: RedactProcessorSpec, options: OptionRenderer) -> SwiftCode {
        let optionsCode = SwiftCode.call(
            "RedactionOptions",
            [
                ("keyPaths", redact.keyPaths.map { options.strings($0) } ?? .array([])),
                ("valuePatterns", redact.valuePatterns.map { options.strings($0) } ?? .array([])),
                ("redactAttributes", redact.redactAttributes.map { options.strings($0) } ?? .array([])),
                ("replacement", .atom(redact.replacement.map { options.string($0) } ?? "\"[REDACTED]\"")),
            ]
        )
        return .call("RedactionProcessor", [("options", optionsCode)])
    }

    /// `EnrichmentProcessor(options: EnrichmentOptions(…), environment:)`.
    private static func enrichmentProcessor(_ enrich: EnrichProcessorSpec, options: OptionRenderer) -> SwiftCode {
        let optionsCode = SwiftCode.call(
            "EnrichmentOptions",
            [
                ("tags", enrich.tags.map { options.map($0) } ?? .atom("[:]")),
                ("environmentTags", enrich.environmentTags.map { options.map($0) } ?? .atom("[:]")),
                ("prefix", .atom(enrich.prefix.map { options.string($0) } ?? "nil")),
                ("appendToTags", .atom(enrich.appendToTags.map { options.bool($0) } ?? "false")),
            ]
        )
        return .call("EnrichmentProcessor", [("options", optionsCode), ("environment", .atom("context.environment"))])
    }

    /// `BatchingProcessor<Item>(options: BatchingOptions(…))`.
    private static func batchingProcessor(
        _ batch: BatchProcessorSpec,
        itemType: String,
        options: OptionRenderer
    ) -> SwiftCode {
        let size = batch.batchSize.map { options.int($0) } ?? "100"
        let optionsCode = SwiftCode.call(
            "BatchingOptions",
            [
                ("batchSize", .atom(size)),
                ("flushInterval", .atom(batch.flushInterval.map { options.duration($0) } ?? ".seconds(5)")),
                ("maxQueueSize", .atom(batch.maxQueueSize.map { options.int($0) } ?? "max(1000, \(size))")),
                (
                    "overflowPolicy",
                    .atom(
                        batch.overflowPolicy.map {
                            options.enumeration($0, type: "OverflowPolicy", fallback: ".dropOldest")
                        } ?? ".dropOldest"
                    )
                ),
            ]
        )
        return .call("BatchingProcessor<\(itemType)>", [("options", optionsCode)])
    }

    /// A stage that takes no part in the spec's processors (span building, encoding), under `name`.
    private mutating func appendPlain(_ expression: String, name: String) {
        let named = expression + ".named(" + RenderSyntax.literal(name) + ")"
        stages.append(Stage(expression: .atom(named), throwing: false, name: name))
    }

    /// The names of every stage, the hooks stage first.
    var stageNames: [String] { ["hooks"] + stages.map(\.name) }

    /// The pipeline's keys of the templates' context.
    var context: PipelineContext {
        PipelineContext(
            stages: stages.flatMap { $0.expression.lines(indent: 12, prefix: $0.throwing ? "try " : "") },
            pipelineThrows: pipelineThrows,
            payloadType: payloadType,
            transportType: transportType,
            transportInit: transportInit.expression.lines(
                indent: 8,
                prefix: transportInit.throwing ? "transport = try " : "transport = "
            ),
            payloadText: payloadText,
            hasHTTPTransport: http != nil,
            hasOTLP: otlpEncoding != nil,
            otlpEncodingName: otlpEncoding ?? "",
            transportConfigurationLines: http?.configurationLines ?? [],
            otlpEncodingLines: http?.otlpEncodingLines ?? [],
            methodLiteral: http?.methodLiteral ?? "\"POST\"",
            resourceChecks: http?.resourceChecks ?? [],
            serviceNameFromEnvironment: http?.serviceNameFromEnvironment ?? false,
            deadLetterPathLines: http?.deadLetterPathLines ?? [],
            hasDeadLetter: http?.deadLetterPathLines != nil,
            allSpansExpected: !mayDrop,
            otlpEndpointTest: otlpEndpointField.map {
                OTLPEndpointTestContext(keyLiteral: $0.keyLiteral, property: $0.property)
            },
            otelBatchChecks: otelBatchChecks,
            hasOTelBatchFields: !otelBatchChecks.isEmpty,
            encoderType: customEncoder ?? "",
            encodedItemType: encodedItemType,
            expectedStageLines: SwiftCode.array(stageNames.map { .atom(RenderSyntax.literal($0)) })
                .lines(indent: 8, prefix: "#expect(pipeline.stageNames == ", suffix: ")")
        )
    }
}

/// Swift expressions of processor and transport options: literals, or the configuration's value of a field.
struct OptionRenderer {
    let fields: [FieldRenderModel]
    /// Optional fields bound to non-optional locals by ``binding(_:indent:_:)``: key → local name.
    var locals: [String: String] = [:]

    /// How code reads the field: the configuration's property, or the local it is bound to.
    private func access(_ field: FieldRenderModel) -> (expression: String, optional: Bool) {
        if let local = locals[field.key] { return (local, false) }
        return ("configuration.\(field.property)", field.isOptional)
    }

    private func reference(_ name: String, fallback: String) -> (expression: String, field: FieldRenderModel?) {
        guard let field = fields.first(where: { $0.key == name }) else { return (fallback, nil) }
        let (access, optional) = access(field)
        return (optional ? "(\(access) ?? \(fallback))" : access, field)
    }

    /// The field declared under `name`.
    func field(_ name: String) -> FieldRenderModel? {
        fields.first { $0.key == name }
    }

    /// `body`'s statements (laid out at `indent`) with the optional fields among `names` bound to locals: inside
    /// `if let … { }` when there is one, so that a value built from an unset field is left out rather than sent
    /// empty.
    func binding(_ names: [String], indent: Int, _ body: (OptionRenderer, Int) -> [String]) -> [String] {
        var inner = self
        var bindings: [String] = []
        for name in names where inner.locals[name] == nil {
            guard let field = field(name), field.isOptional else { continue }
            let local = RenderSyntax.identifier(field.field.swiftName + "Value")
            inner.locals[name] = local
            bindings.append("let \(local) = configuration.\(field.property)")
        }
        guard !bindings.isEmpty else { return body(self, indent) }
        let pad = String(repeating: " ", count: indent)
        return [pad + "if " + bindings.joined(separator: ", ") + " {"] + body(inner, indent + 4) + [pad + "}"]
    }

    /// The field's value as a runtime `Secret`: the secret itself, or a string field's text wrapped.
    func secret(of name: String) -> String {
        if let field = field(name), field.field.type == .secret, !access(field).optional {
            return access(field).expression
        }
        return "Secret(\(text(of: name)))"
    }

    func strings(_ value: OptionValue<[String]>) -> SwiftCode {
        if case .literal(let list) = value { return .array(list.map { .atom(RenderSyntax.literal($0)) }) }
        return .atom(stringsExpression(value))
    }

    func stringsExpression(_ value: OptionValue<[String]>) -> String {
        switch value {
        case .literal(let list): return RenderSyntax.literal(list)
        case .field(let name):
            let (expression, field) = reference(name, fallback: "[]")
            if case .list(.enumeration) = field?.field.type { return "\(expression).map(\\.rawValue)" }
            if case .list(.url) = field?.field.type { return "\(expression).map(\\.absoluteString)" }
            if case .list(.secret) = field?.field.type { return "\(expression).map(\\.revealed)" }
            return expression
        }
    }

    func string(_ value: OptionValue<String>) -> String {
        switch value {
        case .literal(let text): return RenderSyntax.literal(text)
        case .field(let name): return text(of: name)
        }
    }

    /// A field's value as text.
    func text(of name: String) -> String {
        guard let field = fields.first(where: { $0.key == name }) else { return "\"\"" }
        let (access, optional) = access(field)
        let convert: (String) -> String
        switch field.field.type {
        case .string: convert = { $0 }
        case .secret: convert = { "\($0).revealed" }
        case .url: convert = { "\($0).absoluteString" }
        case .enumeration: convert = { "\($0).rawValue" }
        default: convert = { "String(describing: \($0))" }
        }
        return optional ? "(\(access).map { \(convert("$0")) } ?? \"\")" : convert(access)
    }

    func map(_ value: OptionValue<[String: String]>) -> SwiftCode {
        switch value {
        case .literal(let map) where map.isEmpty: .atom("[:]")
        case .literal(let map):
            .array(
                map.sorted { $0.key < $1.key }.map {
                    .atom(RenderSyntax.literal($0.key) + ": " + RenderSyntax.literal($0.value))
                }
            )
        case .field(let name): .atom(reference(name, fallback: "[:]").expression)
        }
    }

    func bool(_ value: OptionValue<Bool>) -> String {
        switch value {
        case .literal(let flag): flag ? "true" : "false"
        case .field(let name): reference(name, fallback: "false").expression
        }
    }

    func double(_ value: OptionValue<Double>) -> String {
        switch value {
        case .literal(let number): return ValueSyntax.double(number)
        case .field(let name):
            let (expression, field) = reference(name, fallback: "1.0")
            return field?.field.type == .int ? "Double(\(expression))" : expression
        }
    }

    func int(_ value: OptionValue<Int>) -> String {
        switch value {
        case .literal(let number): "\(number)"
        case .field(let name): reference(name, fallback: "100").expression
        }
    }

    func duration(_ value: OptionValue<Duration>) -> String {
        switch value {
        case .literal(let duration):
            let (seconds, attoseconds) = duration.components
            return ValueSyntax.duration(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        case .field(let name): return reference(name, fallback: ".seconds(5)").expression
        }
    }

    func enumeration<Value: RawRepresentable<String>>(
        _ value: OptionValue<Value>,
        type: String,
        fallback: String
    ) -> String {
        switch value {
        case .literal(let literal):
            return RenderSyntax.lowerCamelCase(literal.rawValue).map { "." + $0 } ?? fallback
        case .field(let name):
            let text = text(of: name)
            return "\(type)(rawValue: \(text)) ?? \(fallback)"
        }
    }

    /// A string template (`"${dir}/out.jsonl"`) as a concatenation.
    func template(_ template: StringTemplate, configuration: String) -> String {
        let parts = template.parts.map { part -> String in
            switch part {
            case .literal(let text): RenderSyntax.literal(text)
            case .field(let name): text(of: name)
            }
        }
        return parts.isEmpty ? "\"\"" : parts.joined(separator: " + ")
    }
}
