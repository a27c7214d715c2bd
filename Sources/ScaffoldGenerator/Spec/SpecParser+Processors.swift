import ExporterDiagnostics
import ExporterYAML

extension SpecParser {
    /// Known event categories for `filter.categories` (`custom:<subtype>` is accepted too).
    static let eventCategories = [
        "agent", "workflow", "function", "llm", "tool", "task", "retriever", "embedder", "reranker", "guardrail",
        "evaluator", "custom", "unknown",
    ]

    /// `processors[]`: each processor, then the placement of `batch` and the names of custom processors.
    mutating func parseProcessors(_ node: YAMLNode) -> [ProcessorSpec] {
        guard let elements = node.sequence else {
            report(.specWrongType, "'processors' must be a list", at: location(node))
            return []
        }
        var processors: [ProcessorSpec] = []
        var batchCount = 0
        let batchTotal = elements.filter { $0["kind"]?.scalar?.value == ProcessorKind.batch.rawValue }.count
        var customNames: [String: String] = [:]
        var customSwiftNames: [String: String] = [:]
        for (index, element) in elements.enumerated() {
            guard let processor = parseProcessor(element) else { continue }
            if case .batch = processor {
                batchCount += 1
                if batchCount > 1 {
                    report(.specMisplacedBatch, "'batch' may appear only once", at: processor.location)
                } else if batchTotal == 1, index != elements.count - 1 {
                    report(
                        .specMisplacedBatch,
                        "'batch' must be the last processor",
                        at: processor.location,
                        hint: "move it to the end of 'processors'"
                    )
                }
            }
            if case .custom(let custom) = processor {
                if customNames[custom.name] != nil {
                    report(
                        .specDuplicateName,
                        "custom processor '\(custom.name)' is declared twice",
                        at: custom.location
                    )
                    continue
                }
                customNames[custom.name] = custom.name
                if let other = customSwiftNames[custom.swiftName] {
                    report(
                        .specSwiftNameCollision,
                        "custom processors '\(other)' and '\(custom.name)' both become the Swift name '\(custom.swiftName)'",
                        at: custom.location,
                        hint: "rename one of them"
                    )
                }
                customSwiftNames[custom.swiftName] = custom.name
            }
            processors.append(processor)
        }
        return processors
    }

    private mutating func parseProcessor(_ node: YAMLNode) -> ProcessorSpec? {
        guard
            let kinded = kindedEntries(
                of: node,
                SpecGrammar.processors,
                what: "processor",
                unknownCode: .specUnknownProcessorKind
            ),
            let kind = ProcessorKind(rawValue: kinded.kind)
        else { return nil }
        let entries = kinded.entries
        let at = location(node)
        let processor: ProcessorSpec
        switch kind {
        case .filter:
            processor = .filter(
                FilterProcessorSpec(
                    mode: option(entries["mode"], .choice(FilterProcessorSpec.Mode.allCases.map(\.rawValue)), "mode") {
                        $0.choice(
                            $1,
                            FilterProcessorSpec.Mode.allCases.map(\.rawValue),
                            .specInvalidOptionValue,
                            "filter mode"
                        )
                        .flatMap(FilterProcessorSpec.Mode.init(rawValue:))
                    },
                    categories: option(entries["categories"], .textList, "categories") { $0.categories($1) },
                    phases: option(entries["phases"], .textList, "phases") { $0.phases($1) },
                    names: option(entries["names"], .textList, "names") { $0.textList($1, "names") },
                    location: at
                )
            )
        case .redact:
            processor = .redact(
                RedactProcessorSpec(
                    keyPaths: option(entries["key_paths"], .textList, "key_paths") { $0.textList($1, "key_paths") },
                    valuePatterns: option(entries["value_patterns"], .textList, "value_patterns") { $0.patterns($1) },
                    replacement: option(entries["replacement"], .text, "replacement") { $0.text($1, "replacement") },
                    redactAttributes: option(entries["redact_attributes"], .textList, "redact_attributes") {
                        $0.textList($1, "redact_attributes")
                    },
                    location: at
                )
            )
        case .enrich:
            processor = .enrich(
                EnrichProcessorSpec(
                    tags: option(entries["tags"], .map, "tags") { $0.textMap($1, "tags") },
                    environmentTags: option(entries["environment_tags"], .map, "environment_tags") {
                        $0.textMap($1, "environment_tags")
                    },
                    prefix: option(entries["prefix"], .text, "prefix") { $0.text($1, "prefix") },
                    appendToTags: option(entries["append_to_tags"], .bool, "append_to_tags") {
                        $0.bool($1, "append_to_tags")
                    },
                    location: at
                )
            )
        case .sample:
            processor = .sample(
                SampleProcessorSpec(
                    rate: option(entries["rate"], .number, "rate") { parser, node in
                        guard let rate = parser.number(node, "rate") else { return nil }
                        guard (0...1).contains(rate) else {
                            parser.report(
                                .specInvalidOptionValue,
                                "'rate' must be from 0 to 1, not \(node.scalar?.value ?? "")",
                                at: parser.location(node)
                            )
                            return nil
                        }
                        return rate
                    },
                    location: at
                )
            )
        case .batch:
            processor = .batch(parseBatch(entries, at: at))
        case .custom:
            guard let nameNode = entries["name"], let name = text(nameNode, "name") else { return nil }
            guard SpecSyntax.isSnakeCaseName(name) else {
                report(
                    .specInvalidCustomProcessorName,
                    "'\(name)' is not a valid custom processor name",
                    at: location(nameNode),
                    hint:
                        "use lower-case letters, digits and '_', starting with a letter: \(SpecSyntax.suggestedSnakeCase(name))"
                )
                return nil
            }
            let stage = entries["stage"].flatMap {
                choice($0, CustomProcessorSpec.Stage.allCases.map(\.rawValue), .specInvalidOptionValue, "stage")
            }
            if entries["stage"] != nil, stage == nil { return nil }
            processor = .custom(
                CustomProcessorSpec(
                    name: name,
                    swiftName: SwiftIdentifier.upperCamelCase(name),
                    stage: stage.flatMap(CustomProcessorSpec.Stage.init(rawValue:)) ?? .events,
                    location: at
                )
            )
        }
        return processor
    }

    private mutating func parseBatch(_ entries: SpecEntries, at: SourceLocation) -> BatchProcessorSpec {
        let policies = BatchProcessorSpec.OverflowPolicy.allCases.map(\.rawValue)
        let batchSize = option(entries["batch_size"], .int, "batch_size") { $0.atLeast(1, $1, "batch_size") }
        let maxQueueSize = option(entries["max_queue_size"], .int, "max_queue_size") {
            $0.atLeast(1, $1, "max_queue_size")
        }
        if case .literal(let size)? = batchSize, case .literal(let queue)? = maxQueueSize, queue < size,
            let node = entries["max_queue_size"]
        {
            report(
                .specInvalidOptionValue,
                "'max_queue_size' (\(queue)) is smaller than 'batch_size' (\(size))",
                at: location(node),
                hint: "set it to at least \(size)"
            )
        }
        return BatchProcessorSpec(
            batchSize: batchSize,
            flushInterval: option(entries["flush_interval"], .duration, "flush_interval") { parser, node in
                guard let nanoseconds = parser.duration(node, "flush_interval") else { return nil }
                guard nanoseconds > 0 else {
                    parser.report(
                        .specInvalidOptionValue,
                        "'flush_interval' must be greater than zero",
                        at: parser.location(node)
                    )
                    return nil
                }
                return .nanoseconds(nanoseconds)
            },
            maxQueueSize: maxQueueSize,
            overflowPolicy: option(entries["overflow_policy"], .choice(policies), "overflow_policy") {
                $0.choice($1, policies, .specInvalidOptionValue, "overflow_policy")
                    .flatMap(BatchProcessorSpec.OverflowPolicy.init(rawValue:))
            },
            location: at
        )
    }

    /// A whole number of at least `minimum`.
    mutating func atLeast(_ minimum: Int, _ node: YAMLNode, _ what: String) -> Int? {
        guard let value = int(node, what) else { return nil }
        guard value >= minimum else {
            report(.specInvalidOptionValue, "'\(what)' must be at least \(minimum), not \(value)", at: location(node))
            return nil
        }
        return value
    }

    private mutating func categories(_ node: YAMLNode) -> [String]? {
        guard let names = textList(node, "categories") else { return nil }
        var failed = false
        for (name, element) in zip(names, node.sequence ?? [])
        where !Self.eventCategories.contains(name) && !(name.hasPrefix("custom:") && name.count > 7) {
            report(
                .specInvalidOptionValue,
                "unknown event category '\(name)'",
                at: location(element),
                hint: DidYouMean.hint(for: name, among: Self.eventCategories)
                    ?? "use \(Self.list(Self.eventCategories)) or custom:<subtype>"
            )
            failed = true
        }
        return failed ? nil : names
    }

    private mutating func phases(_ node: YAMLNode) -> [String]? {
        guard node.sequence != nil else { return textList(node, "phases") }
        let phases = (node.sequence ?? []).map {
            choice($0, SpecGrammar.filterPhases, .specInvalidOptionValue, "event phase")
        }
        return phases.contains(nil) ? nil : phases.compactMap(\.self)
    }

    private mutating func patterns(_ node: YAMLNode) -> [String]? {
        guard let patterns = textList(node, "value_patterns") else { return nil }
        var failed = false
        for (pattern, element) in zip(patterns, node.sequence ?? []) {
            do {
                _ = try Regex(pattern)
            } catch {
                report(
                    .specInvalidOptionValue,
                    "'\(pattern)' is not a valid regular expression: \(error)",
                    at: location(element)
                )
                failed = true
            }
        }
        return failed ? nil : patterns
    }
}
