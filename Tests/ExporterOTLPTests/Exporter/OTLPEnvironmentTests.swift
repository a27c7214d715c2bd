import ExporterDiagnostics
import ExporterHTTPTesting
import ExporterRuntime
import ExporterRuntimeTesting
import ExporterYAML
import Foundation
import Testing

@testable import ExporterOTLP

/// The OpenTelemetry SDK environment variables as the fallback of an `otelcollector` section: the YAML first, then
/// the traces-specific variable, then the general one, then the defaults.
@Suite struct OTLPEnvironmentTests {
    private func configuration(
        _ yaml: String,
        environment: [String: String]
    ) throws(DiagnosticError) -> OTLPExporterConfiguration {
        let decoder = YAMLDecoder(userInfo: [.configurationEnvironment: environment])
        return try decoder.decode(OTLPExporterConfiguration.self, from: yaml, file: "workflow.yml")
    }

    private func problems(_ yaml: String, environment: [String: String]) -> [Diagnostic] {
        do {
            _ = try configuration(yaml, environment: environment)
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func theEndpointComesFromTheEnvironmentWhenTheSectionHasNone() throws {
        let base = try configuration(
            "project: demo",
            environment: ["OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318"]
        )
        #expect(base.endpoint.absoluteString == "http://collector:4318/v1/traces")
        let slash = try configuration("{}", environment: ["OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318/otlp/"])
        #expect(slash.endpoint.absoluteString == "http://collector:4318/otlp/v1/traces")
        let traces = try configuration(
            "{}",
            environment: [
                "OTEL_EXPORTER_OTLP_ENDPOINT": "http://general:4318",
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://traces:4318/custom/path",
            ]
        )
        #expect(traces.endpoint.absoluteString == "http://traces:4318/custom/path")
        let written = try configuration(
            "endpoint: http://written:4318/v1/traces",
            environment: ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://traces:4318/v1/traces"]
        )
        #expect(written.endpoint.absoluteString == "http://written:4318/v1/traces")
    }

    @Test func noEndpointAnywhereNamesTheKeyAndTheVariables() {
        let found = problems("project: demo", environment: [:])
        #expect(found.count == 1)
        #expect(found.first?.message == "missing required key 'endpoint'")
        #expect(found.first?.hint?.contains("OTEL_EXPORTER_OTLP_ENDPOINT") == true)
        #expect(found.first?.location?.line == 1)
    }

    @Test func headersArePercentDecodedAndTheSectionsWin() throws {
        let environment = [
            "OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318",
            "OTEL_EXPORTER_OTLP_HEADERS": "api-key=general",
            "OTEL_EXPORTER_OTLP_TRACES_HEADERS": " api-key = secret%20value , x-team=a%3Db",
        ]
        let fromEnvironment = try configuration("{}", environment: environment)
        #expect(fromEnvironment.headers["api-key"] == "secret value")
        #expect(fromEnvironment.headers["x-team"] == "a=b")
        let written = try configuration("headers: {x-written: yes}", environment: environment)
        #expect(written.headers["x-written"] == "yes")
        #expect(written.headers["api-key"] == nil)
    }

    @Test func badValuesNameTheVariableAndNeverShowTheirText() {
        let found = problems(
            "{}",
            environment: [
                "OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318",
                "OTEL_EXPORTER_OTLP_HEADERS": "no-equals-sign-secret-123",
                "OTEL_EXPORTER_OTLP_PROTOCOL": "grpc",
                "OTEL_EXPORTER_OTLP_TIMEOUT": "ten",
                "OTEL_BSP_MAX_EXPORT_BATCH_SIZE": "0",
            ]
        )
        let messages = found.map(\.message)
        #expect(found.count == 4, "\(messages)")
        #expect(messages.contains { $0.contains("OTEL_EXPORTER_OTLP_HEADERS") })
        #expect(
            messages.contains { $0.contains("OTEL_EXPORTER_OTLP_PROTOCOL") && $0.contains("grpc is not supported") }
        )
        #expect(messages.contains { $0.contains("OTEL_EXPORTER_OTLP_TIMEOUT") })
        #expect(messages.contains { $0.contains("OTEL_BSP_MAX_EXPORT_BATCH_SIZE") })
        #expect(!messages.joined().contains("secret-123"))
    }

    @Test func protocolCompressionTimeoutAndBatchingComeFromTheEnvironment() throws {
        let configuration = try configuration(
            "{}",
            environment: [
                "OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318",
                "OTEL_EXPORTER_OTLP_PROTOCOL": "http/protobuf",
                "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL": "http/json",
                "OTEL_EXPORTER_OTLP_COMPRESSION": "gzip",
                "OTEL_EXPORTER_OTLP_TIMEOUT": "2500",
                "OTEL_BSP_SCHEDULE_DELAY": "250",
                "OTEL_BSP_MAX_QUEUE_SIZE": "500",
                "OTEL_BSP_MAX_EXPORT_BATCH_SIZE": "50",
            ]
        )
        #expect(configuration.encoding == .json)
        #expect(configuration.compression == .gzip)
        #expect(configuration.timeout == .milliseconds(2500))
        #expect(configuration.batching.flushInterval == .milliseconds(250))
        #expect(configuration.batching.maxQueueSize == 500)
        #expect(configuration.batching.batchSize == 50)
        let written = try self.configuration(
            "{encoding: protobuf, batch_size: 7, timeout: 3s}",
            environment: [
                "OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318", "OTEL_EXPORTER_OTLP_PROTOCOL": "http/json",
                "OTEL_BSP_MAX_EXPORT_BATCH_SIZE": "50", "OTEL_EXPORTER_OTLP_TIMEOUT": "2500",
            ]
        )
        #expect(written.encoding == .protobuf)
        #expect(written.batching.batchSize == 7)
        #expect(written.timeout == .seconds(3))
    }

    @Test func theServiceAndResourceAttributesLayUnderTheSection() throws {
        let environment = [
            "OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318",
            "OTEL_SERVICE_NAME": "checkout-agent",
            "OTEL_RESOURCE_ATTRIBUTES": "service.name=ignored,deployment.environment=staging,team=a%2Cb",
        ]
        let unnamed = try configuration("{}", environment: environment)
        #expect(unnamed.resourceAttributes["service.name"] == .string("checkout-agent"))
        #expect(unnamed.resourceAttributes["deployment.environment"] == .string("staging"))
        #expect(unnamed.resourceAttributes["team"] == .string("a,b"))
        let named = try configuration(
            "{project: demo, resource_attributes: {deployment.environment: prod}}",
            environment: environment
        )
        #expect(named.resourceAttributes["service.name"] == nil, "project names the service")
        #expect(named.resourceAttributes["deployment.environment"] == .string("prod"))
    }

    @Test func aCollectorConfiguredOnlyByTheEnvironmentReceivesTheSpans() async throws {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        let endpoint = try #require(server.url(path: "/v1/traces")).absoluteString
        let configuration = try configuration(
            "{}",
            environment: [
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": endpoint,
                "OTEL_EXPORTER_OTLP_HEADERS": "x-api-key=key%20123",
                "OTEL_EXPORTER_OTLP_PROTOCOL": "http/json",
                "OTEL_SERVICE_NAME": "from-env",
            ]
        )
        let blueprint = try OTLPExporterBlueprint(
            configuration: configuration,
            context: ExporterBuildContext(name: "o")
        )
        let manager = ExporterManager()
        manager.add(blueprint, name: "otel")
        _ = try await manager.withRun { run in
            for event in TestEvents.run(root: "run", turns: 1) { run.hub.emit(event) }
        }
        await manager.close()
        let request = try #require(server.requests.first)
        #expect(request.headers["x-api-key"] == "key 123")
        #expect(request.headers["Content-Type"] == "application/json")
        let body = String(decoding: request.body, as: UTF8.self)
        #expect(body.contains(#""stringValue":"from-env""#))
    }
}
