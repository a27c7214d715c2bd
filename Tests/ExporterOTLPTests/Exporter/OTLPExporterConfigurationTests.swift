import ExporterDiagnostics
import ExporterOTLP
import ExporterRuntime
import ExporterYAML
import Foundation
import Testing

@Suite("OTLPExporterConfiguration: the otelcollector section")
struct OTLPExporterConfigurationTests {
    private func decode(_ yaml: String) throws(DiagnosticError) -> OTLPExporterConfiguration {
        var decoder = YAMLDecoder()
        decoder.ignoredKeys = ["_type"]
        return try decoder.decode(OTLPExporterConfiguration.self, from: yaml, file: "workflow.yml", environment: [:])
    }

    /// The one diagnostic a configuration raises.
    private func failure(_ yaml: String) throws -> Diagnostic {
        do {
            _ = try decode(yaml)
        } catch {
            #expect(error.diagnostics.count == 1, "\(error)")
            return try #require(error.diagnostics.first)
        }
        Issue.record("the configuration decoded")
        throw CancellationError()
    }

    @Test("a toolkit section works unchanged, with the toolkit's defaults")
    func toolkitSection() async throws {
        let yaml = """
            general:
              telemetry:
                tracing:
                  otel:   {_type: otelcollector, endpoint: "${OTEL_EP:-http://localhost:4318/v1/traces}", project: demo, batch_size: 50}
            """
        let workflow = try WorkflowConfiguration.parse(
            yaml,
            file: "workflow.yml",
            registry: .withOTLP,
            environment: [:]
        )
        let exporter = try #require(workflow.exporters.first)
        #expect(exporter.name == "otel")
        let blueprint = try #require(exporter.blueprint as? OTLPExporterBlueprint)
        let configuration = blueprint.configuration
        #expect(configuration.endpoint.absoluteString == "http://localhost:4318/v1/traces")
        #expect(configuration.project == "demo")
        #expect(configuration.batching.batchSize == 50)
        #expect(configuration.batching.flushInterval == .seconds(5))
        #expect(configuration.batching.maxQueueSize == 1000)
        #expect(configuration.batching.overflowPolicy == .dropOldest)
        #expect(configuration.shutdownTimeout == .seconds(10))
        #expect(configuration.encoding == .protobuf)
        #expect(configuration.headers.count == 0)
        #expect(configuration.timeout == .seconds(10))
        #expect(configuration.compression == HTTPCompression.none)
        #expect(configuration.mapping == OTLPSpanMapper.Options(attributePrefix: "nat", toolkitAttributes: false))
        #expect(configuration.deadLetterPath == nil)
        #expect(configuration.buffer == BufferSettings())
        #expect(blueprint.sink.configuration.endpoint == configuration.endpoint)
        await blueprint.close()
        #expect(ExporterRegistry.withOTLP.typeNames == ["atif", "console", "file", "otelcollector"])
    }

    @Test("every key is read")
    func everyKey() throws {
        let configuration = try decode(
            """
            _type: otelcollector
            endpoint: https://collector.example:4318/v1/traces
            project: demo
            resource_attributes: {deployment.environment: staging, replicas: 3, ratio: 0.5, canary: true, zones: [a, b], quoted: "42"}
            batch_size: 20
            flush_interval: 250ms
            max_queue_size: 40
            drop_on_overflow: true
            shutdown_timeout: 2.5
            encoding: json
            headers: {x-api-key: k-123, X-Tenant: t}
            timeout: 3s
            compression: gzip
            toolkit_attributes: true
            attribute_prefix: relay.agent
            dead_letter_path: ./dead.jsonl
            buffer_capacity: 64
            overflow_policy: drop_oldest
            """
        )
        #expect(configuration.endpoint.host == "collector.example")
        #expect(
            configuration.resourceAttributes == [
                "deployment.environment": .string("staging"), "replicas": .int(3), "ratio": .double(0.5),
                "canary": .bool(true), "zones": .stringArray(["a", "b"]), "quoted": .string("42"),
            ]
        )
        #expect(
            configuration.batching
                == BatchingOptions(
                    batchSize: 20,
                    flushInterval: .milliseconds(250),
                    maxQueueSize: 40,
                    overflowPolicy: .dropNewest
                )
        )
        #expect(configuration.shutdownTimeout == .milliseconds(2500))
        #expect(configuration.encoding == .json)
        #expect(configuration.headers.fields.map(\.name) == ["x-api-key", "X-Tenant"])
        #expect(configuration.headers["X-API-KEY"] == "k-123")
        #expect(configuration.timeout == .seconds(3))
        #expect(configuration.compression == .gzip)
        #expect(
            configuration.mapping == OTLPSpanMapper.Options(attributePrefix: "relay.agent", toolkitAttributes: true)
        )
        #expect(configuration.deadLetterPath == "./dead.jsonl")
        #expect(configuration.buffer == BufferSettings(capacity: 64, overflowPolicy: .dropOldest))
    }

    @Test("header values come from ${VAR} and never show in descriptions")
    func secretHeaders() async throws {
        let yaml = """
            general:
              telemetry:
                tracing:
                  otel:
                    _type: otelcollector
                    endpoint: http://127.0.0.1:4318/v1/traces
                    headers:
                      authorization: "Bearer ${OTLP_TOKEN}"
            """
        let workflow = try WorkflowConfiguration.parse(
            yaml,
            registry: .withOTLP,
            environment: ["OTLP_TOKEN": "s3cr3t-token"]
        )
        let blueprint = try #require(workflow.exporters.first?.blueprint as? OTLPExporterBlueprint)
        #expect(blueprint.configuration.headers["Authorization"] == "Bearer s3cr3t-token")
        for text in [
            String(describing: blueprint.configuration), String(reflecting: blueprint.configuration),
            String(describing: blueprint.sink.configuration.headers),
        ] {
            #expect(!text.contains("s3cr3t-token"), "\(text)")
        }
        await blueprint.close()
    }

    @Test("an unknown key is rejected at its position with a did-you-mean")
    func unknownKey() throws {
        let diagnostic = try failure(
            """
            _type: otelcollector
            endpoint: http://localhost:4318/v1/traces
            batchsize: 10
            """
        )
        #expect(diagnostic.code == .yamlUnknownKey)
        #expect(diagnostic.location == SourceLocation(file: "workflow.yml", line: 3, column: 1))
        #expect(diagnostic.message.contains("'batchsize'"))
        #expect(diagnostic.hint?.contains("batch_size") == true)
    }

    @Test("invalid values are reported at the value")
    func invalidValues() throws {
        let endpointLine = "_type: otelcollector\n"
        let cases: [(yaml: String, code: DiagnosticCode, line: Int, column: Int, fragment: String)] = [
            (endpointLine + "project: demo\n", .yamlMissingKey, 1, 1, "endpoint"),
            (endpointLine + "endpoint: localhost:4318\n", .configurationInvalidValue, 2, 11, "http://"),
            (endpointLine + "endpoint: ftp://host/v1/traces\n", .configurationInvalidValue, 2, 11, "http://"),
            (
                endpointLine + "endpoint: http://h/v1/traces\nbatch_size: 0\n", .configurationInvalidValue, 3, 13,
                "at least 1"
            ),
            (
                endpointLine + "endpoint: http://h/v1/traces\nbatch_size: 50\nmax_queue_size: 10\n",
                DiagnosticCode.configurationInvalidValue, 4, 17, "smaller than 'batch_size'"
            ),
            (
                endpointLine + "endpoint: http://h/v1/traces\nflush_interval: soon\n", .configurationInvalidValue,
                3, 17, "not a duration"
            ),
            (
                endpointLine + "endpoint: http://h/v1/traces\ntimeout: 0\n", .configurationInvalidValue, 3, 10,
                "longer than zero"
            ),
            (
                endpointLine + "endpoint: http://h/v1/traces\nencoding: protobf\n", .yamlInvalidValue, 3,
                11, "protobf"
            ),
            (
                endpointLine + "endpoint: http://h/v1/traces\ncompression: zstd\n", .yamlInvalidValue, 3,
                14, "zstd"
            ),
            (
                endpointLine + "endpoint: http://h/v1/traces\nheaders:\n  Content-Type: text/plain\n",
                DiagnosticCode.configurationInvalidValue, 4, 3, "set by the exporter"
            ),
            (
                endpointLine + "endpoint: http://h/v1/traces\nheaders:\n  bad name: x\n",
                DiagnosticCode.configurationInvalidValue, 4, 3, "HTTP tokens"
            ),
            (
                endpointLine + "endpoint: http://h/v1/traces\nheaders:\n  x-key: [a]\n", .configurationInvalidValue,
                4, 10, "one line"
            ),
            (
                endpointLine + "endpoint: http://h/v1/traces\nattribute_prefix: \"a..b\"\n",
                DiagnosticCode.configurationInvalidValue, 3, 19, "dot-separated"
            ),
            (
                endpointLine + "endpoint: http://h/v1/traces\nresource_attributes:\n  nested: {a: 1}\n",
                DiagnosticCode.configurationInvalidValue, 4, 11, "list of strings"
            ),
            (
                endpointLine + "endpoint: http://h/v1/traces\nbuffer_capacity: 0\n", .configurationInvalidValue, 3,
                18, "at least 1"
            ),
        ]
        for testCase in cases {
            let diagnostic = try failure(testCase.yaml)
            #expect(diagnostic.code == testCase.code, "\(testCase.yaml)")
            #expect(
                diagnostic.location
                    == SourceLocation(file: "workflow.yml", line: testCase.line, column: testCase.column),
                "\(testCase.yaml): \(diagnostic)"
            )
            #expect(
                diagnostic.message.contains(testCase.fragment) || diagnostic.hint?.contains(testCase.fragment) == true,
                "\(testCase.yaml): \(diagnostic)"
            )
        }
    }

    @Test("an encoding typo gets a did-you-mean")
    func encodingSuggestion() throws {
        let diagnostic = try failure("endpoint: http://h/v1/traces\nencoding: jsn\n")
        #expect(diagnostic.hint?.contains("did you mean 'json'?") == true)
    }
}
