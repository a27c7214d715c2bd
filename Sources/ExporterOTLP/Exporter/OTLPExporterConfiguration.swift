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
///   dead_letter_path: ./.tmp/otlp-dead-letters.jsonl
///   buffer_capacity: 10000
///   overflow_policy: drop_newest         # or drop_oldest
/// ```
public struct OTLPExporterConfiguration: Sendable, Hashable, Decodable, YAMLRejectsUnknownKeys {
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
    /// The body encoding (`encoding`, default protobuf).
    public var encoding: OTLPEncoding = .protobuf
    /// Headers sent with every request (`headers`), in the order written; their values are never logged.
    public var headers = HTTPHeaders()
    /// The most one request may take (`timeout`, default 10 s).
    public var timeout: Duration = .seconds(10)
    /// Body compression (`compression`, default none).
    public var compression: HTTPCompression = .none
    /// How spans are mapped (`toolkit_attributes`, `attribute_prefix`).
    public var mapping = OTLPSpanMapper.Options()
    /// Where payloads that could not be delivered are kept for replay (`dead_letter_path`).
    public var deadLetterPath: String?
    /// The exporter's event buffer (`buffer_capacity`, `overflow_policy`).
    public var buffer = BufferSettings()

    /// A configuration sending to `endpoint` with the defaults.
    public init(endpoint: URL) {
        self.endpoint = endpoint
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case endpoint, project, encoding, headers, timeout, compression
        case resourceAttributes = "resource_attributes"
        case batchSize = "batch_size"
        case flushInterval = "flush_interval"
        case maxQueueSize = "max_queue_size"
        case dropOnOverflow = "drop_on_overflow"
        case shutdownTimeout = "shutdown_timeout"
        case toolkitAttributes = "toolkit_attributes"
        case attributePrefix = "attribute_prefix"
        case deadLetterPath = "dead_letter_path"
        case bufferCapacity = "buffer_capacity"
        case overflowPolicy = "overflow_policy"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let fields = ConfigurationFields(container: container, decoder: decoder)
        endpoint = try fields.endpoint(.endpoint)
        project = try fields.nonEmptyString(.project)
        resourceAttributes =
            try container.decodeIfPresent(
                [String: OTLPAttributeValue].self,
                forKey: .resourceAttributes
            ) ?? [:]

        let batchSize = try fields.integer(.batchSize, atLeast: 1) ?? batching.batchSize
        let maxQueueSize = try fields.integer(.maxQueueSize, atLeast: 1) ?? batching.maxQueueSize
        if maxQueueSize < batchSize {
            throw DiagnosticError(
                .error(
                    ConfigurationCode.invalidValue,
                    "'max_queue_size' (\(maxQueueSize)) is smaller than 'batch_size' (\(batchSize)), so no batch "
                        + "could ever fill",
                    at: try fields.location(container.contains(.maxQueueSize) ? .maxQueueSize : .batchSize),
                    hint: "set max_queue_size to at least \(batchSize), or lower batch_size"
                )
            )
        }
        let dropOnOverflow = try container.decodeIfPresent(Bool.self, forKey: .dropOnOverflow) ?? false
        batching = BatchingOptions(
            batchSize: batchSize,
            flushInterval: try fields.positiveDuration(.flushInterval) ?? batching.flushInterval,
            maxQueueSize: maxQueueSize,
            overflowPolicy: dropOnOverflow ? .dropNewest : .dropOldest
        )
        shutdownTimeout = try fields.positiveDuration(.shutdownTimeout) ?? shutdownTimeout
        encoding = try container.decodeIfPresent(OTLPEncoding.self, forKey: .encoding) ?? .protobuf
        headers = try fields.headers(.headers)
        timeout = try fields.positiveDuration(.timeout) ?? timeout
        compression = try container.decodeIfPresent(HTTPCompression.self, forKey: .compression) ?? .none
        mapping = OTLPSpanMapper.Options(
            attributePrefix: try fields.attributePrefix(.attributePrefix) ?? mapping.attributePrefix,
            toolkitAttributes: try container.decodeIfPresent(Bool.self, forKey: .toolkitAttributes) ?? false
        )
        deadLetterPath = try fields.nonEmptyString(.deadLetterPath)
        if let capacity = try fields.integer(.bufferCapacity, atLeast: 1) { buffer.capacity = capacity }
        if let policy = try container.decodeIfPresent(OverflowPolicy.self, forKey: .overflowPolicy) {
            buffer.overflowPolicy = policy
        }
    }
}

extension OTLPEncoding: Decodable {}
