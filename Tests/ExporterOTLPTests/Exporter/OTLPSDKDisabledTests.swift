import ExporterDiagnostics
import ExporterHTTPTesting
import ExporterRuntime
import ExporterRuntimeTesting
import ExporterYAML
import Foundation
import Logging
import Testing

@testable import ExporterOTLP

/// `OTEL_SDK_DISABLED`: `true` in any case switches an `otelcollector` exporter off (it sends nothing and says so
/// once); `false` and empty leave it on; anything else is an error naming the variable.
@Suite struct OTLPSDKDisabledTests {
    private func configuration(
        _ yaml: String,
        environment: [String: String]
    ) throws(DiagnosticError) -> OTLPExporterConfiguration {
        let decoder = YAMLDecoder(userInfo: [.configurationEnvironment: environment])
        return try decoder.decode(OTLPExporterConfiguration.self, from: yaml, file: "workflow.yml")
    }

    @Test(arguments: ["true", "TRUE", " True "])
    func trueInAnyCaseSwitchesExportOff(value: String) throws {
        let disabled = try configuration("{}", environment: ["OTEL_SDK_DISABLED": value])
        #expect(disabled.isDisabled)
        #expect(
            disabled.effectiveSettings.first
                == EffectiveSetting(
                    key: "enabled",
                    value: "false",
                    source: .environment("OTEL_SDK_DISABLED")
                )
        )
    }

    @Test(arguments: ["false", "False", ""])
    func falseOrEmptyLeavesExportOn(value: String) throws {
        let enabled = try configuration(
            "endpoint: http://c:4318/v1/traces",
            environment: ["OTEL_SDK_DISABLED": value]
        )
        #expect(!enabled.isDisabled)
        #expect(!enabled.effectiveSettings.contains { $0.key == "enabled" })
    }

    @Test func anyOtherValueIsAnErrorNamingTheVariable() {
        #expect {
            _ = try configuration(
                "endpoint: http://c:4318/v1/traces",
                environment: ["OTEL_SDK_DISABLED": "yes-please"]
            )
        } throws: { error in
            let diagnostics = (error as? DiagnosticError)?.diagnostics ?? []
            return diagnostics.map(\.message) == [
                "environment variable OTEL_SDK_DISABLED must be true or false (in any case)"
            ]
                && diagnostics.first?.location?.line == 1
        }
    }

    @Test func aDisabledExporterSendsNothingAndSaysSoOnce() async throws {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        let endpoint = try #require(server.url(path: "/v1/traces")).absoluteString
        let configuration = try configuration(
            "{endpoint: '\(endpoint)', batch_size: 1}",
            environment: ["OTEL_SDK_DISABLED": "true"]
        )
        let logs = FaultLogs()
        let blueprint = try OTLPExporterBlueprint(
            configuration: configuration,
            context: ExporterBuildContext(name: "otel", logger: logs.logger)
        )
        let manager = ExporterManager()
        manager.add(blueprint, name: "otel")
        let events = TestEvents.run(root: "run", turns: 2)
        for _ in 0..<2 {
            let (_, reports) = try await manager.withRun { run in
                #expect(run.exporters.first is DisabledExporter)
                for event in events { run.hub.emit(event) }
            }
            #expect(reports.first?.statistics == ExporterStatistics(received: events.count, processed: events.count))
            #expect(reports.first?.completed == true)
        }
        await manager.close()
        #expect(server.requests.isEmpty)
        #expect(logs.all.map(\.message) == ["exporter 'otel': OTEL_SDK_DISABLED is true, so it exports nothing"])
        #expect(logs.all.map(\.level) == [.notice])
    }
}
