import ExporterCore
import ExporterDiagnostics
import ExporterHTTP
import ExporterYAML
import Foundation

/// Configuration of the `otelcollector` exporter: spans as OTLP/HTTP to a collector or any OTLP backend. The
/// toolkit's keys work unchanged; the others are this runtime's.
///
/// ```yaml
/// otel:
///   _type: otelcollector
///   endpoint: ${OTEL_EP:-http://localhost:4318/v1/traces}   # required
///   project: demo                        # service.name and openinference.project.name
///   resource_attributes: {deployment.environment: staging}
///   batch_size: 100                      # spans per request
///   flush_interval: 5s                   # or a number of seconds
///   max_queue_size: 1000
///   drop_on_overflow: false              # true: refuse new spans when the queue is full; false: evict the oldest
///   shutdown_timeout: 10s
///   encoding: protobuf                   # or json
///   headers: {x-api-key: "${OTLP_KEY}"}  # values are never logged
///   timeout: 10s                         # per request
///   compression: none                    # or gzip
///   toolkit_attributes: false            # add the toolkit's nat.* attributes
///   attribute_prefix: nat                # prefix of this runtime's own attributes
///   conventions: [openinference]         # or [genai], or [openinference, genai]
///   capture_message_content: false       # true: message content in the gen_ai.* attributes
///   dead_letter_path: ./.tmp/otlp-dead-letters.jsonl
///   buffer_capacity: 10000
///   overflow_policy: drop_newest         # or drop_oldest
/// ```
public struct OTLPExporterConfiguration: Sendable, Hashable, Decodable, YAMLReportsAllProblems {
    /// Where requests go (`endpoint`, required): the full URL, path included (`/v1/traces`).
    public var endpoint: URL
    /// The project (`project`).
    public var project: String?
    /// Extra resource attributes (`resource_attributes`).
    public var resourceAttributes: [String: OTLPAttributeValue] = [:]
    /// How spans are batched into requests (`batch_size`, `flush_interval`, `max_queue_size`, `drop_on_overflow`).
    public var batching = BatchingOptions(overflowPolicy: .dropOldest)
    /// The longest a run's shutdown of this exporter may take (`shutdown_timeout`, default 10 s).
    public var shutdownTimeout: Duration = .seconds(10)
    /// Whether the section set `shutdown_timeout` itself (else ``shutdownTimeout`` is the default).
    package var shutdownTimeoutIsSet = false
    /// The body encoding (`encoding`, default protobuf).
    public var encoding: OTLPEncoding = .protobuf
    /// Headers sent with every request (`headers`), in the order written; their values are never logged.
    public var headers = HTTPHeaders()
    /// The most one request may take (`timeout`, default 10 s).
    public var timeout: Duration = .seconds(10)
    /// Body compression (`compression`, default none).
    public var compression: HTTPCompression = .none
    /// How spans are mapped (`toolkit_attributes`, `attribute_prefix`, `conventions`, `capture_message_content`).
    public var mapping = OTLPSpanMapper.Options()
    /// Where payloads that could not be delivered are kept for replay (`dead_letter_path`).
    public var deadLetterPath: String?
    /// The exporter's event buffer (`buffer_capacity`, `overflow_policy`).
    public var buffer = BufferSettings()
    /// When a failed request is sent again (the OTLP defaults; set in code only, for example by tests that need
    /// millisecond backoff).
    public var retry = RetryPolicy()
    /// Whether `OTEL_SDK_DISABLED=true` switched export off: the exporter then takes events and sends nothing.
    public var isDisabled = false
    /// The effective value of every key with where it came from (the workflow YAML, an environment variable, the
    /// default), secrets masked; empty for a configuration made in code.
    public internal(set) var effectiveSettings: [EffectiveSetting] = []

    /// A configuration sending to `endpoint` with the defaults.
    public init(endpoint: URL) {
        self.endpoint = endpoint
    }

    public init(from decoder: any Decoder) throws {
        let section = try ConfigurationSection(decoder)
        var reader = section.reader()
        let disabled = OTelEnvironment.sdkDisabled(&reader)
        let endpointText =
            reader.value("endpoint", in: section, as: String.self) ?? OTelEnvironment.endpoint(&reader)
        // Switched off, the exporter sends nowhere: a workflow may leave the endpoint to an environment that has none.
        if endpointText == nil, !section.isWritten("endpoint"), !disabled {
            reader.reportMissing(
                "endpoint",
                hint: "set 'endpoint' (for example http://localhost:4318/v1/traces), or the environment variable "
                    + "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT or OTEL_EXPORTER_OTLP_ENDPOINT"
            )
        }
        let endpoint = reader.convert(
            endpointText,
            expected: "an absolute http:// or https:// URL with a host",
            // Not shown: the URL may carry credentials (https://user:token@host/...).
            secret: true,
            hint: "for example http://localhost:4318/v1/traces"
        ) { ConfigurationReader.httpURL($0) }
        reader.settle("endpoint", endpoint, default: nil, render: OTelEnvironment.masked)
        let project = reader.check(reader.value("project", in: section, as: String.self)) {
            $0.isEmpty ? "cannot be empty" : nil
        }
        reader.settle("project", project, default: nil)
        let attributes = reader.value("resource_attributes", in: section, as: ConfigurationMap<OTLPAttributeValue>.self)
        let environmentAttributes = Self.environmentResourceAttributes(
            &reader,
            projectWritten: section.isWritten("project")
        )
        Self.settleResourceAttributes(written: attributes, environment: environmentAttributes, &reader)
        batching = Self.batching(section, &reader)
        let shutdownTimeout = reader.positiveDurationEntry("shutdown_timeout", in: section)
        reader.settle("shutdown_timeout", shutdownTimeout, default: "\(self.shutdownTimeout)")
        let encoding = Self.fallback(
            reader.value("encoding", in: section, as: OTLPEncoding.self),
            key: "encoding",
            variables: ["OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL"],
            expected: "http/protobuf or http/json (grpc is not supported)",
            &reader,
            parse: Self.environmentEncoding
        )
        reader.settle("encoding", encoding, default: self.encoding.rawValue) { $0.rawValue }
        let writtenHeaders = reader.value("headers", in: section, as: ConfigurationMap<YAMLNode>.self)
        headers =
            section.isWritten("headers")
            ? Self.headers(writtenHeaders, &reader) : Self.environmentHeaders(&reader)
        Self.settleHeaders(headers, written: writtenHeaders, &reader)
        let timeout =
            reader.positiveDurationEntry("timeout", in: section)
            ?? Self.fallback(
                nil,
                key: "timeout",
                variables: ["OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", "OTEL_EXPORTER_OTLP_TIMEOUT"],
                expected: "a positive number of milliseconds",
                &reader,
                parse: Self.milliseconds
            )
        reader.settle("timeout", timeout, default: "\(self.timeout)")
        let compression = Self.fallback(
            reader.value("compression", in: section, as: HTTPCompression.self),
            key: "compression",
            variables: ["OTEL_EXPORTER_OTLP_TRACES_COMPRESSION", "OTEL_EXPORTER_OTLP_COMPRESSION"],
            expected: "gzip or none",
            &reader,
            parse: Self.environmentCompression
        )
        reader.settle("compression", compression, default: self.compression.rawValue) { $0.rawValue }
        let toolkitAttributes = reader.value("toolkit_attributes", in: section, as: Bool.self)
        reader.settle("toolkit_attributes", toolkitAttributes, default: "false")
        let captureMessageContent = reader.value("capture_message_content", in: section, as: Bool.self)
        reader.settle("capture_message_content", captureMessageContent, default: "false")
        mapping = OTLPSpanMapper.Options(
            attributePrefix: Self.attributePrefix(section, &reader) ?? OTLPSpanMapper.Options().attributePrefix,
            toolkitAttributes: toolkitAttributes?.value ?? false,
            conventions: Self.conventions(section, &reader) ?? OTLPSpanMapper.Options().conventions,
            captureMessageContent: captureMessageContent?.value ?? false
        )
        let deadLetterPath = reader.check(reader.value("dead_letter_path", in: section, as: String.self)) {
            $0.isEmpty ? "cannot be empty" : nil
        }
        reader.settle("dead_letter_path", deadLetterPath, default: "none")
        buffer = reader.buffer(in: section)
        try reader.finish()
        // A missing or invalid endpoint is a recorded problem (unless export is off), so finish() has thrown
        // without one.
        self.endpoint = endpoint?.value ?? URL(fileURLWithPath: "/")
        self.project = project?.value
        resourceAttributes = environmentAttributes.merging(attributes?.value.dictionary ?? [:]) { _, written in written
        }
        self.shutdownTimeout = shutdownTimeout?.value ?? self.shutdownTimeout
        shutdownTimeoutIsSet = shutdownTimeout != nil
        self.encoding = encoding?.value ?? self.encoding
        self.timeout = timeout?.value ?? self.timeout
        self.compression = compression?.value ?? self.compression
        self.deadLetterPath = deadLetterPath?.value
        isDisabled = disabled
        effectiveSettings = reader.settings
    }
}

extension OTLPEncoding: Decodable {}
