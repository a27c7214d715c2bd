import ExporterDiagnostics
import Testing

@testable import ScaffoldGenerator

@Suite("SpecLoader")
struct SpecLoaderTests {
    static let complete = """
        spec_version: 1
        name: acme_http
        module: AcmeHTTPExporter
        description: Sends spans to the Acme API.
        base: span
        config:
          fields:
            - name: endpoint
              type: url
              required: true
              description: Where to send spans.
            - name: api_key
              type: secret
              env: ACME_API_KEY
            - name: batch_size
              type: int
              default: 50
              min: 1
              max: 10000
            - name: flush_interval
              type: duration
              default: 250ms
            - name: region
              type: enum
              values: [us, eu]
              default: us
            - name: tags
              type: list
              of: string
              default: [a, b]
            - name: extra_headers
              type: map
              default: {x: y}
            - name: sample_rate
              type: double
              default: 0.5
        processors:
          - kind: filter
            categories: [llm, tool, "custom:ttc"]
            mode: exclude
          - kind: redact
            key_paths: [input.api_key]
            value_patterns: ["sk-[A-Za-z0-9]{20,}"]
          - kind: enrich
            tags: {team: search}
          - kind: sample
            rate: ${sample_rate}
          - kind: custom
            name: scrub_pii
            stage: items
          - kind: batch
            batch_size: ${batch_size}
            flush_interval: ${flush_interval}
            overflow_policy: drop_newest
        transport:
          kind: http
          endpoint: ${endpoint}
          method: PUT
          headers:
            Authorization: "Bearer ${api_key}"
            X-Region: ${region}
          auth: {kind: bearer, token_field: api_key}
          encoding: json
          compression: gzip
          timeout: 10s
          retry: {max_attempts: 6, deadline: 1.5}
        runtime:
          url: https://github.com/ORG/exporter-scaffold.git
          from: 0.1.0
        tracing:
          bridge: true

        """

    @Test func completeSpecParsesIntoTheModel() throws {
        let spec = try SpecLoader.load(text: Self.complete, file: "exporter.yaml")
        #expect(spec.name == "acme_http")
        #expect(spec.module == "AcmeHTTPExporter")
        #expect(!spec.moduleWasDerived)
        #expect(spec.version == "0.1.0")
        #expect(spec.base == .span)
        #expect(spec.description == "Sends spans to the Acme API.")
        #expect(spec.runtime == .url("https://github.com/ORG/exporter-scaffold.git", from: "0.1.0"))
        #expect(spec.tracingBridge)
        #expect(
            spec.fields.map(\.swiftName) == [
                "endpoint", "apiKey", "batchSize", "flushInterval", "region", "tags", "extraHeaders", "sampleRate",
            ]
        )
        let at = { (line: Int, column: Int) in SourceLocation(file: "exporter.yaml", line: line, column: column) }
        #expect(
            spec.fields[0]
                == ConfigField(
                    name: "endpoint",
                    swiftName: "endpoint",
                    type: .url,
                    required: true,
                    description: "Where to send spans.",
                    location: at(8, 7)
                )
        )
        #expect(spec.fields[1].env == "ACME_API_KEY")
        #expect(
            spec.fields[2].defaultValue == .int(50) && spec.fields[2].min == .int(1)
                && spec.fields[2].max == .int(10000)
        )
        #expect(spec.fields[3].defaultValue == .duration(nanoseconds: 250_000_000))
        #expect(spec.fields[4].type == .enumeration(["us", "eu"]) && spec.fields[4].defaultValue == .string("us"))
        #expect(
            spec.fields[5].type == .list(.string) && spec.fields[5].defaultValue == .list([.string("a"), .string("b")])
        )
        #expect(spec.fields[6].defaultValue == .map(["x": "y"]))
        #expect(spec.fields[7].defaultValue == .double(0.5))

        #expect(spec.processors.map(\.kind) == [.filter, .redact, .enrich, .sample, .custom, .batch])
        #expect(
            spec.processors[0]
                == .filter(
                    FilterProcessorSpec(
                        mode: .literal(.exclude),
                        categories: .literal(["llm", "tool", "custom:ttc"]),
                        location: at(38, 5)
                    )
                )
        )
        #expect(spec.processors[3] == .sample(SampleProcessorSpec(rate: .field("sample_rate"), location: at(46, 5))))
        #expect(
            spec.processors[4]
                == .custom(
                    CustomProcessorSpec(name: "scrub_pii", swiftName: "ScrubPii", stage: .items, location: at(48, 5))
                )
        )
        #expect(
            spec.processors[5]
                == .batch(
                    BatchProcessorSpec(
                        batchSize: .field("batch_size"),
                        flushInterval: .field("flush_interval"),
                        overflowPolicy: .literal(.dropNewest),
                        location: at(51, 5)
                    )
                )
        )

        guard case .http(let http) = spec.transport else {
            Issue.record("expected an http transport, got \(spec.transport)")
            return
        }
        #expect(http.endpoint.singleField == "endpoint")
        #expect(http.method == .put && http.encoding == .json && http.compression == .gzip)
        #expect(http.headers.map(\.name) == ["Authorization", "X-Region"])
        #expect(http.headers[0].value.parts == [.literal("Bearer "), .field("api_key")])
        #expect(http.auth == .bearer(tokenField: "api_key"))
        #expect(http.timeout == .literal(.seconds(10)))
        #expect(
            http.retry
                == RetrySpec(maxAttempts: .literal(6), deadline: .literal(.milliseconds(1500)), location: at(66, 10))
        )
    }

    @Test(arguments: [("acme_http", "AcmeHttp"), ("a", "A"), ("my__odd_name_", "MyOddName"), ("v2_api", "V2Api")])
    func moduleIsDerivedFromName(name: String, module: String) throws {
        let spec = try SpecLoader.load(text: "spec_version: 1\nname: \(name)\nbase: raw\ntransport: {kind: console}\n")
        #expect(spec.module == module)
        #expect(spec.moduleWasDerived)
        #expect(spec.moduleLocation == SourceLocation(line: 2, column: 7))
    }

    @Test func templatesSplitLiteralsAndReferences() throws {
        let yaml = """
            spec_version: 1
            name: x_exp
            base: raw
            config:
              fields:
                - {name: dir, type: string}
                - {name: run_id, type: int}
            transport:
              kind: file
              path: "${dir}/trace-$${literal}-${run_id}.jsonl"

            """
        let spec = try SpecLoader.load(text: yaml)
        guard case .file(let file) = spec.transport else {
            Issue.record("expected a file transport")
            return
        }
        #expect(
            file.path.parts == [.field("dir"), .literal("/trace-${literal}-"), .field("run_id"), .literal(".jsonl")]
        )
        #expect(file.path.referencedFields == ["dir", "run_id"])
    }

    @Test func otelGoesWithOTLP() throws {
        let yaml =
            "spec_version: 1\nname: x_exp\nbase: otel\ntransport: {kind: otlp, endpoint: \"http://localhost:4318\", encoding: json}\n"
        let spec = try SpecLoader.load(text: yaml)
        var expected = OTLPTransportSpec(
            endpoint: StringTemplate(literal: "http://localhost:4318", location: SourceLocation(line: 4, column: 35)),
            encoding: .json,
            location: SourceLocation(line: 4, column: 12)
        )
        // Written, so OTEL_EXPORTER_OTLP_PROTOCOL does not choose it; compression is left to the environment.
        expected.encodingIsWritten = true
        #expect(spec.transport == .otlp(expected))
        let unwritten = try SpecLoader.load(text: yaml.replacingOccurrences(of: ", encoding: json", with: ""))
        guard case .otlp(let otlp) = unwritten.transport else {
            Issue.record("expected an otlp transport")
            return
        }
        #expect(!otlp.encodingIsWritten && !otlp.compressionIsWritten && otlp.encoding == .protobuf)
    }

    @Test func langfuseStyleOTLPWithBasicAuthAndDeadLetter() throws {
        let yaml = """
            spec_version: 1
            name: langfuse_swift
            base: otel
            config:
              fields:
                - {name: public_key, type: string, env: LANGFUSE_PUBLIC_KEY, required: true}
                - {name: secret_key, type: secret, env: LANGFUSE_SECRET_KEY, required: true}
                - {name: dead_letters, type: string}
            transport:
              kind: otlp
              endpoint: https://cloud.langfuse.com/api/public/otel/v1/traces
              auth: {kind: basic, user_field: public_key, password_field: secret_key}
              headers: {x-langfuse-ingestion-version: "4"}
              resource_attributes: {service.name: agents}
              dead_letter: ${dead_letters}
            """
        let spec = try SpecLoader.load(text: yaml)
        guard case .otlp(let otlp) = spec.transport else {
            Issue.record("not otlp: \(spec.transport)")
            return
        }
        #expect(otlp.auth == .basic(userField: "public_key", passwordField: "secret_key"))
        #expect(otlp.headers.map(\.name) == ["x-langfuse-ingestion-version"])
        #expect(otlp.resourceAttributes.map(\.value.literalValue) == ["agents"])
        #expect(otlp.deadLetter?.singleField == "dead_letters")
        #expect(otlp.deadLetter?.location.line == 15)
    }
}

@Suite("SpecLoader: line breaks and tags")
struct SpecLoaderLineBreakTests {
    @Test("a spec with CR-only line endings reports the right line and column, and quotes the right line")
    func carriageReturnOnly() {
        let text = "spec_version: 1\rname: acme_cr\rbase: spam\rtransport:\r  kind: console\r"
        do {
            _ = try SpecLoader.load(text: text, file: "exporter.yaml")
            Issue.record("an unknown base was accepted")
        } catch {
            let found = error.diagnostics.first { $0.message.contains("spam") }
            #expect(found?.location?.line == 3, "\(error.diagnostics)")
            #expect(found?.location?.column == 7)
            if let found {
                let rendered = DiagnosticRenderer().render(found, source: text).split(separator: "\n")
                #expect(rendered.count >= 3 && rendered[1] == "  base: spam", "\(rendered)")
            }
        }
    }

    @Test("an unknown tag in a spec is refused at its position")
    func unknownTag() {
        let text = "spec_version: 1\nname: !custom acme\nbase: span\ntransport:\n  kind: console\n"
        do {
            _ = try SpecLoader.load(text: text, file: "exporter.yaml")
            Issue.record("an unknown tag was accepted")
        } catch {
            #expect(error.diagnostics.first?.code == "YAML018")
            #expect(error.diagnostics.first?.location?.line == 2)
            #expect(error.diagnostics.first?.location?.column == 7)
        }
    }
}
