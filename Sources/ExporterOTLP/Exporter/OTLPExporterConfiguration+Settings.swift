import ExporterCore
import ExporterHTTP
import ExporterYAML

/// The settings of the keys that combine several sources (headers, resource attributes), for
/// ``OTLPExporterConfiguration/effectiveSettings``.
extension OTLPExporterConfiguration {
    /// One setting per header, `headers.<name>`, its value masked: header values are credentials as often as not.
    static func settleHeaders(
        _ headers: HTTPHeaders,
        written: ConfigurationEntry<ConfigurationMap<YAMLNode>>?,
        _ reader: inout ConfigurationReader
    ) {
        let source: ConfigurationSource
        if let written {
            source = .workflow(written.location)
        } else if let variable = ["OTEL_EXPORTER_OTLP_TRACES_HEADERS", "OTEL_EXPORTER_OTLP_HEADERS"]
            .first(where: { reader.environment[$0] != nil })
        {
            source = .environment(variable)
        } else {
            reader.settle("headers", value: "none", source: .default)
            return
        }
        for field in headers.fields {
            let location = written?.value.elements.first { $0.key.value == field.name }?.key.location
            reader.settle(
                "headers.\(field.name)",
                value: Secret.redacted,
                source: location.map(ConfigurationSource.workflow) ?? source
            )
        }
    }

    /// One setting per resource attribute, `resource_attributes.<name>`: written ones over those of
    /// `OTEL_SERVICE_NAME` (for `service.name`) and `OTEL_RESOURCE_ATTRIBUTES`.
    static func settleResourceAttributes(
        written: ConfigurationEntry<ConfigurationMap<OTLPAttributeValue>>?,
        environment: [String: OTLPAttributeValue],
        _ reader: inout ConfigurationReader
    ) {
        let writtenElements = written?.value.elements ?? []
        let writtenNames = Set(writtenElements.map(\.key.value))
        if writtenElements.isEmpty, environment.isEmpty {
            reader.settle("resource_attributes", value: "none", source: .default)
        }
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) where !writtenNames.contains(name) {
            let fromServiceName = name == "service.name" && !(reader.environment["OTEL_SERVICE_NAME"] ?? "").isEmpty
            reader.settle(
                "resource_attributes.\(name)",
                value: text(of: value),
                source: .environment(fromServiceName ? "OTEL_SERVICE_NAME" : "OTEL_RESOURCE_ATTRIBUTES")
            )
        }
        for element in writtenElements {
            reader.settle(
                "resource_attributes.\(element.key.value)",
                value: text(of: element.value.value),
                source: .workflow(element.value.location)
            )
        }
    }

    /// An attribute's value as written: text as is, a list in brackets.
    static func text(of value: OTLPAttributeValue) -> String {
        switch value {
        case .string(let string): string
        case .int(let int): "\(int)"
        case .double(let double): "\(double)"
        case .bool(let bool): "\(bool)"
        case .stringArray(let strings): "[" + strings.joined(separator: ", ") + "]"
        }
    }
}
