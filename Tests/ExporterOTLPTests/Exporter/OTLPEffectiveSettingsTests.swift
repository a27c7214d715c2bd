import ExporterDiagnostics
import ExporterRuntime
import ExporterYAML
import Testing

@testable import ExporterOTLP

/// The effective configuration of an `otelcollector` section: every value with where it came from (the workflow
/// file's line, an environment variable, the default), secrets masked, recorded by the reader that resolved it.
@Suite struct OTLPEffectiveSettingsTests {
    private func settings(_ yaml: String, environment: [String: String]) throws -> [String: EffectiveSetting] {
        let decoder = YAMLDecoder(userInfo: [.configurationEnvironment: environment])
        let configuration = try decoder.decode(OTLPExporterConfiguration.self, from: yaml, file: "workflow.yml")
        return Dictionary(configuration.effectiveSettings.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private func at(_ line: Int, _ column: Int) -> ConfigurationSource {
        .workflow(SourceLocation(file: "workflow.yml", line: line, column: column))
    }

    @Test func eachValueNamesItsSourceInPrecedenceOrder() throws {
        let yaml = """
            project: demo
            batch_size: 7
            headers: {authorization: Bearer written-token-123}
            toolkit_attributes: true
            """
        let found = try settings(
            yaml,
            environment: [
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "https://user:pass-456@collector:4318/v1/traces?token=q-789",
                "OTEL_EXPORTER_OTLP_ENDPOINT": "http://general:4318",
                "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL": "http/json",
                "OTEL_BSP_MAX_EXPORT_BATCH_SIZE": "50",
                "OTEL_BSP_MAX_QUEUE_SIZE": "500",
                "OTEL_RESOURCE_ATTRIBUTES": "deployment.environment=staging",
            ]
        )
        #expect(
            found["endpoint"]
                == EffectiveSetting(
                    key: "endpoint",
                    value: "https://user:***@collector:4318/v1/traces?***",
                    source: .environment("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
                )
        )
        #expect(found["project"] == EffectiveSetting(key: "project", value: "demo", source: at(1, 10)))
        #expect(found["batch_size"] == EffectiveSetting(key: "batch_size", value: "7", source: at(2, 13)))
        #expect(
            found["max_queue_size"]
                == EffectiveSetting(
                    key: "max_queue_size",
                    value: "500",
                    source: .environment("OTEL_BSP_MAX_QUEUE_SIZE")
                )
        )
        #expect(
            found["encoding"]
                == EffectiveSetting(
                    key: "encoding",
                    value: "json",
                    source: .environment("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL")
                )
        )
        #expect(found["compression"] == EffectiveSetting(key: "compression", value: "none", source: .default))
        #expect(
            found["toolkit_attributes"] == EffectiveSetting(key: "toolkit_attributes", value: "true", source: at(4, 21))
        )
        #expect(
            found["capture_message_content"]
                == EffectiveSetting(key: "capture_message_content", value: "false", source: .default)
        )
        #expect(found["timeout"] == EffectiveSetting(key: "timeout", value: "10.0 seconds", source: .default))
        #expect(
            found["headers.authorization"]
                == EffectiveSetting(key: "headers.authorization", value: "***", source: at(3, 11))
        )
        #expect(
            found["resource_attributes.deployment.environment"]
                == EffectiveSetting(
                    key: "resource_attributes.deployment.environment",
                    value: "staging",
                    source: .environment("OTEL_RESOURCE_ATTRIBUTES")
                )
        )
        let shown = found.values.map(\.value).joined(separator: " ")
        for secret in ["pass-456", "q-789", "written-token-123"] { #expect(!shown.contains(secret)) }
    }

    @Test func headersFromTheEnvironmentNameTheirVariable() throws {
        let found = try settings(
            "endpoint: http://c:4318/v1/traces",
            environment: ["OTEL_EXPORTER_OTLP_HEADERS": "x-api-key=k-1,x-team=a"]
        )
        #expect(found["headers.x-api-key"]?.source == .environment("OTEL_EXPORTER_OTLP_HEADERS"))
        #expect(found["headers.x-team"]?.value == "***")
        #expect(found["endpoint"]?.source == at(1, 11))
    }
}
