import ExporterDiagnostics
import ExporterHTTPTesting
import ExporterRuntime
import ExporterRuntimeTesting
import ExporterYAML
import Foundation
import Testing

@testable import ExporterOTLP

/// `conventions: [genai]`: the OpenTelemetry GenAI semantic conventions' attributes and span names, message content
/// only when asked for, and OpenInference left out unless listed too.
@Suite struct GenAIConventionTests {
    private static func mapped(_ options: OTLPSpanMapper.Options, spans: [Span]? = nil) async throws -> [OTLPSpan] {
        let mapper = OTLPSpanMapper(options: options)
        if let spans { return spans.map(mapper.otlpSpan(for:)) }
        return try await OTLPMappingSupport.spans(from: OTLPMappingSupport.instrumentedRun()).map(mapper.otlpSpan(for:))
    }

    private static func attributes(_ span: OTLPSpan) -> [String: OTLPAttributeValue] {
        Dictionary(
            span.attributes.compactMap { keyValue in OTLPAttributeValue(keyValue.value).map { (keyValue.key, $0) } },
            uniquingKeysWith: { first, _ in first }
        )
    }

    @Test func spansAreNamedAndDescribedAsTheConventionsAsk() async throws {
        let spans = try await Self.mapped(.init(conventions: [.genAI]))
        let llm = try #require(spans.first { $0.name == "chat gpt-4o" })
        let tool = try #require(spans.first { $0.name == "execute_tool forecast" })
        let agent = try #require(spans.first { $0.name == "invoke_agent support-bot" })

        let llmAttributes = Self.attributes(llm)
        #expect(llmAttributes["gen_ai.operation.name"] == .string("chat"))
        #expect(llmAttributes["gen_ai.provider.name"] == .string("openai"))
        #expect(llmAttributes["gen_ai.request.model"] == .string("gpt-4o"))
        #expect(llmAttributes["gen_ai.usage.input_tokens"] == .int(30))
        #expect(llmAttributes["gen_ai.usage.output_tokens"] == .int(12))
        #expect(llmAttributes["gen_ai.usage.cache_read.input_tokens"] == .int(10))
        #expect(llmAttributes["gen_ai.usage.reasoning.output_tokens"] == .int(4))
        #expect(llmAttributes["gen_ai.conversation.id"] == .string("session-1"))
        let toolAttributes = Self.attributes(tool)
        #expect(toolAttributes["gen_ai.operation.name"] == .string("execute_tool"))
        #expect(toolAttributes["gen_ai.tool.name"] == .string("forecast"))
        #expect(toolAttributes["gen_ai.tool.call.id"] == .string("call-2"))
        let agentAttributes = Self.attributes(agent)
        #expect(agentAttributes["gen_ai.operation.name"] == .string("invoke_agent"))
        #expect(agentAttributes["gen_ai.agent.name"] == .string("support-bot"))

        // Content stays out unless asked for, and OpenInference is not written when not listed.
        for span in spans {
            let keys = Set(Self.attributes(span).keys)
            #expect(
                keys.isDisjoint(with: ["gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.tool.call.arguments"])
            )
            #expect(!keys.contains { $0.hasPrefix("openinference.") || $0.hasPrefix("llm.") || $0.hasPrefix("input.") })
            // The runtime's own identity attributes stay whatever the conventions.
            #expect(keys.contains("nat.uuid"))
        }
    }

    @Test func messageContentIsWrittenInTheConventionsShapeWhenAskedFor() async throws {
        let spans = try await Self.mapped(.init(conventions: [.genAI], captureMessageContent: true))
        let llm = Self.attributes(try #require(spans.first { $0.name == "chat gpt-4o" }))
        guard case .string(let system)? = llm["gen_ai.system_instructions"],
            case .string(let input)? = llm["gen_ai.input.messages"],
            case .string(let output)? = llm["gen_ai.output.messages"]
        else {
            Issue.record("message attributes missing: \(llm.keys.sorted())")
            return
        }
        #expect(try JSONValue(parsing: system) == [["type": "text", "content": "Be brief."]])
        let inputMessages = try JSONValue(parsing: input).arrayValue ?? []
        #expect(inputMessages.map { $0["role"]?.stringValue } == ["user", "assistant", "tool"])
        let toolCall = inputMessages[1]["parts"]?.arrayValue?.first
        #expect(toolCall?["type"] == "tool_call")
        #expect(toolCall?["name"] == "weather")
        #expect(
            inputMessages[2]["parts"]?.arrayValue?.first == [
                "type": "tool_call_response", "id": "call-1", "response": "sunny",
            ]
        )
        let outputMessages = try JSONValue(parsing: output).arrayValue ?? []
        #expect(outputMessages.first?["parts"]?.arrayValue?.first == ["type": "text", "content": "Sunny."])
        let tool = Self.attributes(try #require(spans.first { $0.name == "execute_tool forecast" }))
        #expect(tool["gen_ai.tool.call.arguments"] == .string(#"{"days":2}"#))
    }

    @Test func bothConventionsTogetherKeepEveryOpenInferenceAttribute() async throws {
        let spans = try await OTLPMappingSupport.spans(from: OTLPMappingSupport.instrumentedRun())
        let openInference = try await Self.mapped(.init(), spans: spans)
        let both = try await Self.mapped(.init(conventions: [.openInference, .genAI]), spans: spans)
        #expect(openInference.count == both.count)
        for (alone, together) in zip(openInference, both) {
            let aloneAttributes = Self.attributes(alone)
            let togetherAttributes = Self.attributes(together)
            for (key, value) in aloneAttributes { #expect(togetherAttributes[key] == value, "\(alone.name) \(key)") }
        }
        #expect(openInference.map(\.name).contains("gpt-4o"))
        #expect(both.map(\.name).contains("chat gpt-4o"))
    }

    @Test func theDefaultIsOpenInferenceAlone() async throws {
        let spans = try await Self.mapped(.init())
        #expect(spans.allSatisfy { span in !span.attributes.contains { $0.key.hasPrefix("gen_ai.") } })
    }

    @Test func theWorkflowKeysAreReadAndCheckedWithPositions() throws {
        let good = try YAMLDecoder().decode(
            OTLPExporterConfiguration.self,
            from: """
                endpoint: http://127.0.0.1:4318/v1/traces
                conventions: [genai, openinference]
                capture_message_content: true
                """
        )
        #expect(good.mapping.conventions == [.genAI, .openInference])
        #expect(good.mapping.captureMessageContent)

        let problems = """
            endpoint: http://127.0.0.1:4318/v1/traces
            conventions: [genia]
            """
        #expect(throws: DiagnosticError.self) {
            try YAMLDecoder().decode(OTLPExporterConfiguration.self, from: problems, file: "w.yml")
        }
        do {
            _ = try YAMLDecoder().decode(OTLPExporterConfiguration.self, from: problems, file: "w.yml")
        } catch {
            #expect("\(error)".contains("w.yml:2:"))
            #expect(error.diagnostics.first?.hint?.contains("did you mean 'genai'?") == true)
        }
        do {
            _ = try YAMLDecoder().decode(
                OTLPExporterConfiguration.self,
                from: "endpoint: http://127.0.0.1:4318/v1/traces\nconventions: []\n",
                file: "w.yml"
            )
            Issue.record("an empty list was accepted")
        } catch {
            #expect("\(error)".contains("w.yml:2:"))
            #expect("\(error)".contains("at least one convention"))
        }
    }

    @Test func aCollectorReceivesGenAISpans() async throws {
        let server = LoopbackHTTPServer()
        _ = try await server.start()
        defer { server.stop() }
        var configuration = OTLPExporterConfiguration(endpoint: try #require(server.url(path: "/v1/traces")))
        configuration.mapping = .init(conventions: [.genAI])
        let blueprint = try OTLPExporterBlueprint(
            configuration: configuration,
            context: ExporterBuildContext(name: "o")
        )
        let manager = ExporterManager()
        manager.add(blueprint, name: "otel")
        let events = try await OTLPMappingSupport.instrumentedRun()
        _ = try await manager.withRun { run in
            for event in events { run.hub.emit(event) }
        }
        await manager.close()
        let spans = try server.requests.flatMap { request in
            try OTLPTraceRequest(serializedBytes: request.body).resourceSpans.flatMap(\.scopeSpans).flatMap(\.spans)
        }
        let names = Set(spans.map(\.name))
        #expect(names.isSuperset(of: ["chat gpt-4o", "execute_tool forecast", "invoke_agent support-bot"]))
        let llm = try #require(spans.first { $0.name == "chat gpt-4o" })
        #expect(llm.attributes.contains { $0.key == "gen_ai.request.model" && $0.value.stringValue == "gpt-4o" })
    }
}
