import ExporterHTTPTesting
import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

@testable import ExporterOTLP

@Suite("OTLPExporter: end to end against a loopback collector")
struct OTLPExporterEndToEndTests {
    /// A blueprint sending to `server` with batches of `batchSize` and a flush interval long enough that only full
    /// batches and the shutdown send.
    private func blueprint(
        server: LoopbackHTTPServer,
        batchSize: Int = 3,
        encoding: OTLPEncoding = .protobuf,
        compression: HTTPCompression = .none
    ) throws -> OTLPExporterBlueprint {
        var configuration = OTLPExporterConfiguration(endpoint: try #require(server.url(path: "/v1/traces")))
        configuration.project = "demo"
        configuration.batching = BatchingOptions(batchSize: batchSize, flushInterval: .seconds(60), maxQueueSize: 100)
        configuration.encoding = encoding
        configuration.compression = compression
        configuration.headers = ["x-api-key": "key-123"]
        return try OTLPExporterBlueprint(configuration: configuration, context: ExporterBuildContext(name: "otel"))
    }

    /// Emits `events` through a run of a manager holding `blueprint` and stops the run.
    private func run(_ events: [AgentEvent], manager: ExporterManager) async throws -> [ShutdownReport] {
        try await manager.withRun { run in
            for event in events { run.hub.emit(event) }
        }.reports
    }

    @Test("events of a run arrive as protobuf requests of batch_size spans with intact parent links")
    func protobufBatches() async throws {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        let blueprint = try blueprint(server: server)
        let manager = ExporterManager()
        manager.add(blueprint, name: "otel")

        let events = TestEvents.run(root: "run", turns: 3)
        let reports = try await run(events, manager: manager)
        await manager.close()
        #expect(reports.map(\.completed) == [true])

        let requests = server.requests
        #expect(requests.count == 3)
        var spans: [OTLPSpan] = []
        for request in requests {
            #expect(request.method == "POST")
            #expect(request.path == "/v1/traces")
            #expect(request.headers["Content-Type"] == "application/x-protobuf")
            #expect(request.headers["x-api-key"] == "key-123")
            let decoded = try OTLPTraceRequest(serializedBytes: request.body)
            let resource = try #require(decoded.resourceSpans.first)
            #expect(resource.resource.attributes.first { $0.key == "service.name" }?.value.stringValue == "demo")
            spans += resource.scopeSpans.flatMap(\.spans)
        }
        #expect(
            requests.map { try? OTLPTraceRequest(serializedBytes: $0.body).resourceSpans[0].scopeSpans[0].spans.count }
                == [3, 3, 2]
        )
        #expect(spans.count == 8)
        let ids = Set(spans.map(\.spanID))
        #expect(ids.count == 8)
        let traceID = Data(TraceID(deriving: "run").bytes)
        #expect(spans.allSatisfy { $0.traceID == traceID })
        let roots = spans.filter { $0.parentSpanID.isEmpty }
        #expect(roots.map(\.name) == ["run"])
        #expect(spans.filter { !$0.parentSpanID.isEmpty }.allSatisfy { ids.contains($0.parentSpanID) })
        let function = try #require(spans.first { $0.name == "run_function" })
        #expect(spans.filter { $0.parentSpanID == function.spanID }.count == 6)
        #expect(blueprint.sink.statistics.succeeded == 3)
    }

    @Test("every run batches on its own: a second run on the same manager batches as the first")
    func runsAreIsolated() async throws {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        let manager = ExporterManager()
        manager.add(try blueprint(server: server, batchSize: 4), name: "otel")
        _ = try await run(TestEvents.run(root: "first", turns: 1), manager: manager)
        _ = try await run(TestEvents.run(root: "second", turns: 1), manager: manager)
        await manager.close()
        let counts = try server.requests.map {
            try OTLPTraceRequest(serializedBytes: $0.body).resourceSpans[0].scopeSpans[0].spans.count
        }
        #expect(counts == [4, 4])
    }

    @Test("OTLP/JSON bodies go as application/json")
    func jsonBodies() async throws {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        let manager = ExporterManager()
        manager.add(try blueprint(server: server, batchSize: 100, encoding: .json), name: "otel")
        _ = try await run(TestEvents.run(root: "json", turns: 1), manager: manager)
        await manager.close()
        let request = try #require(server.requests.first)
        #expect(server.requests.count == 1)
        #expect(request.headers["Content-Type"] == "application/json")
        let spans = try OTLPMappingSupport.jsonSpans(request.body)
        #expect(spans.count == 4)
        #expect(spans.allSatisfy { $0["traceId"]?.stringValue == TraceID(deriving: "json").description })
    }

    @Test("gzip bodies carry Content-Encoding and decompress to the request")
    func gzipBodies() async throws {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        let manager = ExporterManager()
        manager.add(try blueprint(server: server, batchSize: 100, compression: .gzip), name: "otel")
        _ = try await run(TestEvents.run(root: "zip", turns: 2), manager: manager)
        await manager.close()
        let request = try #require(server.requests.first)
        #expect(server.requests.count == 1)
        #expect(request.headers["Content-Encoding"] == "gzip")
        #expect(request.headers["Content-Type"] == "application/x-protobuf")
        let decoded = try OTLPTraceRequest(serializedBytes: try Gzip.decompress(request.body))
        #expect(decoded.resourceSpans[0].scopeSpans[0].spans.count == 6)
    }

    @Test("a partial success is counted as rejected spans and not retried")
    func partialSuccess() async throws {
        var response = OTLPTraceResponse()
        response.partialSuccess.rejectedSpans = 2
        response.partialSuccess.errorMessage = "spans too old"
        let server = LoopbackHTTPServer(
            defaultReply: .response(
                status: 200,
                headers: ["Content-Type": "application/x-protobuf"],
                body: try response.serializedBytes()
            )
        )
        _ = try await server.start()
        defer { server.stop() }
        let blueprint = try blueprint(server: server, batchSize: 100)
        let manager = ExporterManager()
        manager.add(blueprint, name: "otel")
        _ = try await run(TestEvents.run(root: "partial", turns: 1), manager: manager)
        await manager.close()
        #expect(server.requests.count == 1)
        #expect(blueprint.sink.statistics.rejectedItems == 2)
        #expect(blueprint.sink.statistics.retries == 0)
    }

    @Test("the registered type builds a working exporter from a workflow file")
    func fromWorkflow() async throws {
        let server = LoopbackHTTPServer()
        let port = try await server.start()
        defer { server.stop() }
        let yaml = """
            general:
              telemetry:
                tracing:
                  otel: {_type: otelcollector, endpoint: "http://127.0.0.1:${PORT}/v1/traces", project: demo, batch_size: 2}
            """
        let workflow = try WorkflowConfiguration.parse(yaml, registry: .withOTLP, environment: ["PORT": "\(port)"])
        let manager = ExporterManager()
        for exporter in workflow.exporters { manager.add(exporter.blueprint, name: exporter.name) }
        _ = try await run(TestEvents.run(root: "wf", turns: 1), manager: manager)
        await manager.close()
        #expect(server.requests.count == 2)
    }
}
