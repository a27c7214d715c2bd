import ExporterCore

/// The batch span processor's variables (`OTEL_BSP_*`), for the batch fields of a generated `otel` package: the
/// same parsing and errors as the built-in `otelcollector`'s `batch_size`, `max_queue_size` and `flush_interval`.
extension OTelEnvironment {
    /// `written` (from the workflow YAML, or the field's own variable), else `OTEL_BSP_MAX_EXPORT_BATCH_SIZE`.
    public static func batchSize(
        _ written: ConfigurationEntry<Int>?,
        key: String,
        _ reader: inout ConfigurationReader
    ) -> ConfigurationEntry<Int>? {
        written ?? positiveInteger(key: key, variable: "OTEL_BSP_MAX_EXPORT_BATCH_SIZE", &reader)
    }

    /// `written`, else `OTEL_BSP_MAX_QUEUE_SIZE`.
    public static func maxQueueSize(
        _ written: ConfigurationEntry<Int>?,
        key: String,
        _ reader: inout ConfigurationReader
    ) -> ConfigurationEntry<Int>? {
        written ?? positiveInteger(key: key, variable: "OTEL_BSP_MAX_QUEUE_SIZE", &reader)
    }

    /// `written`, else `OTEL_BSP_SCHEDULE_DELAY` (milliseconds).
    public static func scheduleDelay(
        _ written: ConfigurationEntry<ConfigDuration>?,
        key: String,
        _ reader: inout ConfigurationReader
    ) -> ConfigurationEntry<ConfigDuration>? {
        if let written { return written }
        guard reader.environment["OTEL_BSP_SCHEDULE_DELAY"] != nil else { return nil }
        return reader.read(
            nil,
            key: key,
            env: "OTEL_BSP_SCHEDULE_DELAY",
            expected: "a positive number of milliseconds",
            parse: { OTLPExporterConfiguration.milliseconds($0).map(ConfigDuration.init) }
        )
    }

    private static func positiveInteger(
        key: String,
        variable: String,
        _ reader: inout ConfigurationReader
    ) -> ConfigurationEntry<Int>? {
        guard reader.environment[variable] != nil else { return nil }
        return reader.read(
            nil,
            key: key,
            env: variable,
            expected: "a positive integer",
            parse: OTLPExporterConfiguration.positiveInteger
        )
    }
}
