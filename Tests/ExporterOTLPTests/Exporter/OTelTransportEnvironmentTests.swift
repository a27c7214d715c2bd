import ExporterDiagnostics
import ExporterHTTP
import ExporterRuntime
import Testing

@testable import ExporterOTLP

/// What a generated `otel` package takes from the OpenTelemetry environment (`OTelEnvironment.transport`,
/// `batchSize`/`maxQueueSize`/`scheduleDelay`): the same parsing and errors as `otelcollector`, each value settled
/// with its variable, and the spec's own headers and authorization winning.
@Suite struct OTelTransportEnvironmentTests {
    private func transport(
        _ environment: [String: String]
    ) throws(DiagnosticError) -> (OTelTransportEnvironment, [EffectiveSetting]) {
        var reader = ConfigurationReader(section: nil, environment: environment)
        let transport = OTelEnvironment.transport(&reader)
        try reader.finish()
        return (transport, reader.settings)
    }

    @Test func readsEveryVariableAndSettlesItsSource() throws {
        let (found, settings) = try transport([
            "OTEL_EXPORTER_OTLP_HEADERS": "x-general=1",
            "OTEL_EXPORTER_OTLP_TRACES_HEADERS": "x-tenant=acme%20corp,authorization=env-token",
            "OTEL_RESOURCE_ATTRIBUTES": "team=agents",
            "OTEL_SERVICE_NAME": "svc",
            "OTEL_EXPORTER_OTLP_PROTOCOL": "http/json",
            "OTEL_EXPORTER_OTLP_TRACES_COMPRESSION": "gzip",
            "OTEL_EXPORTER_OTLP_TIMEOUT": "2500",
        ])
        #expect(found.headers.fields.map(\.name) == ["x-tenant", "authorization"])
        #expect(found.headers.values(for: "x-tenant") == ["acme corp"])
        #expect(found.resourceAttributes == ["team": .string("agents"), "service.name": .string("svc")])
        #expect(found.encoding == .json)
        #expect(found.compression == .gzip)
        #expect(found.timeout == .milliseconds(2500))
        #expect(
            settings == [
                EffectiveSetting(
                    key: "headers.x-tenant",
                    value: "***",
                    source: .environment("OTEL_EXPORTER_OTLP_TRACES_HEADERS")
                ),
                EffectiveSetting(
                    key: "headers.authorization",
                    value: "***",
                    source: .environment("OTEL_EXPORTER_OTLP_TRACES_HEADERS")
                ),
                EffectiveSetting(
                    key: "resource_attributes.service.name",
                    value: "svc",
                    source: .environment("OTEL_SERVICE_NAME")
                ),
                EffectiveSetting(
                    key: "resource_attributes.team",
                    value: "agents",
                    source: .environment("OTEL_RESOURCE_ATTRIBUTES")
                ),
                EffectiveSetting(key: "encoding", value: "json", source: .environment("OTEL_EXPORTER_OTLP_PROTOCOL")),
                EffectiveSetting(
                    key: "compression",
                    value: "gzip",
                    source: .environment("OTEL_EXPORTER_OTLP_TRACES_COMPRESSION")
                ),
                EffectiveSetting(
                    key: "timeout",
                    value: "2.5 seconds",
                    source: .environment("OTEL_EXPORTER_OTLP_TIMEOUT")
                ),
            ]
        )
    }

    @Test func nothingSetGivesNothingAndSettlesNothing() throws {
        let (found, settings) = try transport([:])
        #expect(found == OTelTransportEnvironment())
        #expect(settings.isEmpty)
    }

    @Test func eachInvalidValueNamesItsVariableNotItsText() {
        let cases = [
            ("OTEL_EXPORTER_OTLP_HEADERS", "no-equals-secret-1"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"),
            ("OTEL_EXPORTER_OTLP_COMPRESSION", "zstd"), ("OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", "0"),
            ("OTEL_RESOURCE_ATTRIBUTES", "team"),
        ]
        for (variable, value) in cases {
            do {
                _ = try transport([variable: value])
                Issue.record("\(variable)=\(value) was accepted")
            } catch {
                #expect(error.diagnostics.count == 1)
                #expect(error.diagnostics.first?.message.contains("environment variable \(variable)") == true)
                #expect(!error.description.contains("secret-1"))
            }
        }
    }

    @Test func theSpecsHeadersAndAuthorizationWin() {
        var environment = OTelTransportEnvironment()
        environment.headers = ["x-tenant": "env", "Authorization": "env-token", "x-extra": "1"]
        let written: HTTPHeaders = ["X-Tenant": "spec"]
        let merged = environment.headers(under: written, auth: .bearer(Secret("spec-token")))
        #expect(merged.fields.map(\.name) == ["X-Tenant", "x-extra"])
        #expect(merged.values(for: "x-tenant") == ["spec"])
        let unauthenticated = environment.headers(under: written, auth: .none)
        #expect(unauthenticated.values(for: "authorization") == ["env-token"])
    }

    @Test func batchVariablesFallBehindTheWrittenValue() throws {
        var reader = ConfigurationReader(
            section: nil,
            environment: [
                "OTEL_BSP_MAX_EXPORT_BATCH_SIZE": "7", "OTEL_BSP_MAX_QUEUE_SIZE": "70",
                "OTEL_BSP_SCHEDULE_DELAY": "250",
            ]
        )
        let written = ConfigurationEntry(value: 3, location: nil, origin: "'batch_size'")
        #expect(OTelEnvironment.batchSize(written, key: "batch_size", &reader)?.value == 3)
        let size = OTelEnvironment.batchSize(nil, key: "batch_size", &reader)
        #expect(size?.value == 7)
        #expect(size?.variable == "OTEL_BSP_MAX_EXPORT_BATCH_SIZE")
        #expect(OTelEnvironment.maxQueueSize(nil, key: "max_queue_size", &reader)?.value == 70)
        #expect(
            OTelEnvironment.scheduleDelay(nil, key: "flush_interval", &reader)?.value.duration == .milliseconds(250)
        )
        try reader.finish()
        var invalid = ConfigurationReader(section: nil, environment: ["OTEL_BSP_MAX_QUEUE_SIZE": "-1"])
        #expect(OTelEnvironment.maxQueueSize(nil, key: "max_queue_size", &invalid) == nil)
        #expect(
            invalid.diagnostics.map(\.message) == [
                "environment variable OTEL_BSP_MAX_QUEUE_SIZE (the fallback of 'max_queue_size') is not a positive integer"
            ]
        )
    }
}
