import ExporterCore
import ExporterHTTP
import ExporterYAML

/// The keys of the otelcollector section whose checks involve more than one value.
extension OTLPExporterConfiguration {
    /// `batch_size`, `flush_interval`, `max_queue_size` and `drop_on_overflow`.
    static func batching(_ section: ConfigurationSection, _ reader: inout ConfigurationReader) -> BatchingOptions {
        var batching = BatchingOptions(overflowPolicy: .dropOldest)
        let atLeastOne: (Int) -> String? = { $0 >= 1 ? nil : "must be at least 1, not \($0)" }
        let batchSize = reader.check(
            fallback(
                reader.value("batch_size", in: section, as: Int.self),
                key: "batch_size",
                variables: ["OTEL_BSP_MAX_EXPORT_BATCH_SIZE"],
                expected: "a positive integer",
                &reader,
                parse: positiveInteger
            ),
            atLeastOne
        )
        let maxQueueSize = reader.check(
            fallback(
                reader.value("max_queue_size", in: section, as: Int.self),
                key: "max_queue_size",
                variables: ["OTEL_BSP_MAX_QUEUE_SIZE"],
                expected: "a positive integer",
                &reader,
                parse: positiveInteger
            ),
            atLeastOne
        )
        reader.settle("batch_size", batchSize, default: "\(batching.batchSize)")
        reader.settle("max_queue_size", maxQueueSize, default: "\(batching.maxQueueSize)")
        batching.batchSize = batchSize?.value ?? batching.batchSize
        batching.maxQueueSize = maxQueueSize?.value ?? batching.maxQueueSize
        // Only values that are valid or left out: a faulty one is reported already, its default says nothing.
        let compared =
            (batchSize != nil || !section.isWritten("batch_size"))
            && (maxQueueSize != nil || !section.isWritten("max_queue_size"))
        if compared, batching.maxQueueSize < batching.batchSize {
            reader.report(
                "'max_queue_size' (\(batching.maxQueueSize)) is smaller than 'batch_size' (\(batching.batchSize)), "
                    + "so no batch could ever fill",
                at: maxQueueSize?.location ?? batchSize?.location,
                hint: "set max_queue_size to at least \(batching.batchSize), or lower batch_size"
            )
        }
        let flushInterval =
            reader.positiveDurationEntry("flush_interval", in: section)
            ?? fallback(
                nil,
                key: "flush_interval",
                variables: ["OTEL_BSP_SCHEDULE_DELAY"],
                expected: "a positive number of milliseconds",
                &reader,
                parse: milliseconds
            )
        reader.settle("flush_interval", flushInterval, default: "\(batching.flushInterval)")
        batching.flushInterval = flushInterval?.value ?? batching.flushInterval
        let dropOnOverflow = reader.value("drop_on_overflow", in: section, as: Bool.self)
        reader.settle("drop_on_overflow", dropOnOverflow, default: "false")
        if dropOnOverflow?.value == true {
            batching.overflowPolicy = .dropNewest
        }
        return batching
    }

    /// `attribute_prefix`: dot-separated words of letters, digits, `_` and `-`.
    static func attributePrefix(_ section: ConfigurationSection, _ reader: inout ConfigurationReader) -> String? {
        let prefix = reader.value("attribute_prefix", in: section, as: String.self)
        let checked = reader.check(prefix, hint: "for example nat or my_app.agent") { prefix in
            let words = prefix.split(separator: ".", omittingEmptySubsequences: false)
            let valid = words.allSatisfy { word in
                !word.isEmpty && word.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "_" || $0 == "-" }
            }
            return valid ? nil : "must be dot-separated words of letters, digits, '_' and '-', not '\(prefix)'"
        }
        reader.settle("attribute_prefix", checked, default: OTLPSpanMapper.Options().attributePrefix)
        return checked?.value
    }

    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// `conventions`: a list of at least one of `openinference` and `genai`, each once.
    static func conventions(
        _ section: ConfigurationSection,
        _ reader: inout ConfigurationReader
    ) -> Set<OTLPConvention>? {
        let listed = reader.value("conventions", in: section, as: [OTLPConvention].self)
        let checked = reader.check(listed, hint: "for example [openinference] or [openinference, genai]") {
            conventions in
            if conventions.isEmpty { return "must name at least one convention" }
            return Set(conventions).count == conventions.count ? nil : "names a convention twice"
        }
        reader.settle("conventions", checked, default: names(OTLPSpanMapper.Options().conventions)) {
            names($0)
        }
        return checked.map { Set($0.value) }
    }

    /// Conventions as a list in brackets, in a stable order.
    static func names(_ conventions: some Collection<OTLPConvention>) -> String {
        "[" + conventions.map(\.rawValue).sorted().joined(separator: ", ") + "]"
    }
}
