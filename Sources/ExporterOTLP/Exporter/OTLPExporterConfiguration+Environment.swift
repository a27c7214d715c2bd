import ExporterCore
import ExporterHTTP
import Foundation

/// The OpenTelemetry SDK's environment variables (`OTEL_EXPORTER_OTLP_*`, `OTEL_BSP_*`, `OTEL_SERVICE_NAME`,
/// `OTEL_RESOURCE_ATTRIBUTES`), the fallback of every key an `otelcollector` section leaves out: the workflow YAML
/// first, then the environment, then the defaults. The traces-specific variable wins over the general one, as the
/// specification says. A value that does not parse is an error naming the variable, never showing its text.
extension OTLPExporterConfiguration {
    /// The variables read, for documentation and `--explain`-style listings.
    static let environmentVariables = [
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_HEADERS",
        "OTEL_EXPORTER_OTLP_HEADERS", "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL",
        "OTEL_EXPORTER_OTLP_TRACES_COMPRESSION", "OTEL_EXPORTER_OTLP_COMPRESSION", "OTEL_EXPORTER_OTLP_TRACES_TIMEOUT",
        "OTEL_EXPORTER_OTLP_TIMEOUT", "OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES", "OTEL_BSP_SCHEDULE_DELAY",
        "OTEL_BSP_MAX_QUEUE_SIZE", "OTEL_BSP_MAX_EXPORT_BATCH_SIZE", OTelEnvironment.sdkDisabledVariable,
    ]

    /// `written`, else the first of `variables` that is set, parsed.
    static func fallback<Value>(
        _ written: ConfigurationEntry<Value>?,
        key: String,
        variables: [String],
        expected: String,
        _ reader: inout ConfigurationReader,
        parse: (String) -> Value?
    ) -> ConfigurationEntry<Value>? {
        if let written { return written }
        guard let variable = variables.first(where: { reader.environment[$0] != nil }) else { return nil }
        return reader.read(nil, key: key, env: variable, expected: expected, parse: parse)
    }

    /// `OTEL_EXPORTER_OTLP_*_PROTOCOL`: `http/protobuf` or `http/json` (`grpc` is not supported).
    static func environmentEncoding(_ text: String) -> OTLPEncoding? {
        switch text.trimmingCharacters(in: .whitespaces) {
        case "http/protobuf": .protobuf
        case "http/json": .json
        default: nil
        }
    }

    /// `OTEL_EXPORTER_OTLP_*_COMPRESSION`: `gzip` or `none`.
    static func environmentCompression(_ text: String) -> HTTPCompression? {
        switch text.trimmingCharacters(in: .whitespaces) {
        case "gzip": .gzip
        case "none": HTTPCompression.none
        default: nil
        }
    }

    /// A number of milliseconds, as every OpenTelemetry duration variable is, at least 1.
    static func milliseconds(_ text: String) -> Duration? {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 1 else { return nil }
        return .milliseconds(value)
    }

    /// A positive integer (`OTEL_BSP_MAX_QUEUE_SIZE`, `OTEL_BSP_MAX_EXPORT_BATCH_SIZE`).
    static func positiveInteger(_ text: String) -> Int? {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 1 else { return nil }
        return value
    }

    /// The W3C-baggage-like list of `OTEL_EXPORTER_OTLP_HEADERS` and `OTEL_RESOURCE_ATTRIBUTES`: `key=value` pairs
    /// separated by commas, keys and values percent-decoded, surrounding spaces ignored; nil when a pair has no `=`,
    /// an empty key, or bad percent-encoding.
    static func keyValueList(_ text: String) -> [EnvironmentPair]? {
        var pairs: [EnvironmentPair] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: true) {
            guard let equals = item.firstIndex(of: "=") else { return nil }
            let rawKey = item[..<equals].trimmingCharacters(in: .whitespaces)
            let rawValue = item[item.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !rawKey.isEmpty, let key = rawKey.removingPercentEncoding,
                let value = rawValue.removingPercentEncoding
            else { return nil }
            pairs.append(EnvironmentPair(key: key, value: value))
        }
        return pairs
    }

    /// The headers of `OTEL_EXPORTER_OTLP_TRACES_HEADERS`, else `OTEL_EXPORTER_OTLP_HEADERS`, checked as the
    /// written `headers` are; a problem names the variable and never shows a value.
    static func environmentHeaders(_ reader: inout ConfigurationReader) -> HTTPHeaders {
        var headers = HTTPHeaders()
        let variables = ["OTEL_EXPORTER_OTLP_TRACES_HEADERS", "OTEL_EXPORTER_OTLP_HEADERS"]
        guard let variable = variables.first(where: { reader.environment[$0] != nil }),
            let entry = reader.read(
                nil,
                key: "headers",
                env: variable,
                expected: "a list of name=value pairs separated by commas",
                parse: keyValueList
            )
        else { return headers }
        for pair in entry.value {
            let (name, value) = (pair.key, pair.value)
            if !isToken(name) || reservedHeaders.contains(name.lowercased()) {
                reader.report(
                    "environment variable \(variable) names a header that cannot be sent ('\(name)')",
                    at: reader.section,
                    hint: "header names must be HTTP tokens, and not one the exporter sets itself"
                )
                continue
            }
            if value.unicodeScalars.contains(where: Self.breaksALine) {
                reader.report(
                    "environment variable \(variable): the value of header '\(name)' must be text on one line",
                    at: reader.section
                )
                continue
            }
            headers.add(name: name, value: value)
        }
        return headers
    }

    /// `OTEL_RESOURCE_ATTRIBUTES`, then `OTEL_SERVICE_NAME` over its `service.name`: the resource attributes the
    /// written `resource_attributes` (and `project`) are laid over.
    static func environmentResourceAttributes(
        _ reader: inout ConfigurationReader,
        projectWritten: Bool
    ) -> [String: OTLPAttributeValue] {
        var attributes: [String: OTLPAttributeValue] = [:]
        if let entry = reader.read(
            nil,
            key: "resource_attributes",
            env: "OTEL_RESOURCE_ATTRIBUTES",
            expected: "a list of key=value pairs separated by commas",
            parse: keyValueList
        ) {
            for pair in entry.value { attributes[pair.key] = .string(pair.value) }
        }
        // `project` names the service when written; the variable only stands in for it.
        if projectWritten {
            attributes["service.name"] = nil
        } else if let service = reader.environment["OTEL_SERVICE_NAME"], !service.isEmpty {
            attributes["service.name"] = .string(service)
        }
        return attributes
    }

    /// A line break or NUL, which no header value may hold.
    static func breaksALine(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\r" || scalar == "\n" || scalar == "\0"
    }
}

/// One `key=value` of an OpenTelemetry list variable.
struct EnvironmentPair: Sendable, Hashable {
    var key: String
    var value: String
}
