import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

@testable import ExporterOTLP

@Suite("OTLPMapping: spans to OTLP spans with OpenInference attributes")
struct OTLPMappingTests {
    let mapper = OTLPSpanMapper()

    private func mappedRun() async throws -> (spans: [Span], otlp: [OTLPSpan]) {
        let spans = try await OTLPMappingSupport.spans(from: OTLPMappingSupport.instrumentedRun())
        return (spans, spans.map(mapper.otlpSpan(for:)))
    }

    @Test("ids, times and names are the span's own; kinds follow the category")
    func idsAndKinds() async throws {
        let (spans, otlp) = try await mappedRun()
        #expect(spans.count == 4)
        for (span, mapped) in zip(spans, otlp) {
            #expect(mapped.traceID == Data(span.traceID.bytes))
            #expect(mapped.spanID == Data(span.spanID.bytes))
            #expect(mapped.parentSpanID == Data(span.parentSpanID?.bytes ?? []))
            #expect(mapped.name == span.name)
            #expect(mapped.startTimeUnixNano == UInt64(span.start.nanosecondsSinceEpoch))
            #expect(mapped.endTimeUnixNano == UInt64(span.end.nanosecondsSinceEpoch))
            #expect(mapped.attribute("nat.uuid") == .string(span.uuid))
            #expect(mapped.attribute("nat.parent_uuid") == span.parentUUID.map(OTLPAttributeValue.string))
            #expect(mapped.attribute("nat.category") == .string(span.category.name))
        }
        let expected: [String: (OTLPSpan.SpanKind, String)] = [
            "support-bot": (.internal, "AGENT"), "gpt-4o": (.client, "LLM"), "forecast": (.client, "TOOL"),
            "lookup": (.internal, "CHAIN"),
        ]
        for (name, (kind, openInferenceKind)) in expected {
            let span = try #require(otlp.named(name))
            #expect(span.kind == kind, "\(name)")
            #expect(span.attribute("openinference.span.kind") == .string(openInferenceKind), "\(name)")
        }
        let root = try #require(otlp.named("support-bot"))
        #expect(root.parentSpanID.isEmpty)
        #expect(Set(otlp.map(\.traceID)).count == 1)
        #expect(otlp.filter { $0.name != "support-bot" }.allSatisfy { $0.parentSpanID == root.spanID })
    }

    @Test("every category has its OpenTelemetry and OpenInference kind")
    func everyCategoryKind() {
        let table: [(EventCategory, OTLPSpan.SpanKind, String)] = [
            (.agent, .internal, "AGENT"), (.function, .internal, "CHAIN"), (.llm, .client, "LLM"),
            (.tool, .client, "TOOL"), (.task, .internal, "CHAIN"), (.retriever, .client, "RETRIEVER"),
            (.embedder, .client, "EMBEDDING"), (.reranker, .client, "RERANKER"),
            (.guardrail, .internal, "GUARDRAIL"), (.evaluator, .internal, "EVALUATOR"),
            (.custom("x"), .internal, "CHAIN"), (.unknown, .internal, "CHAIN"),
        ]
        for (category, kind, openInferenceKind) in table {
            #expect(OTLPSpanMapper.spanKind(of: category) == kind, "\(category)")
            #expect(OTLPSpanMapper.openInferenceKind(of: category) == openInferenceKind, "\(category)")
        }
    }

    @Test("an LLM span carries model, provider, tokens and flattened messages with tool calls")
    func llmAttributes() async throws {
        let llm = try #require(try await mappedRun().otlp.named("gpt-4o"))
        let expected: [String: OTLPAttributeValue] = [
            "llm.model_name": .string("gpt-4o"),
            "llm.provider": .string("openai"),
            "llm.token_count.prompt": .int(30),
            "llm.token_count.completion": .int(12),
            "llm.token_count.total": .int(42),
            "llm.token_count.prompt_details.cache_read": .int(10),
            "llm.token_count.completion_details.reasoning": .int(4),
            "input.mime_type": .string("application/json"),
            "output.mime_type": .string("application/json"),
            "llm.input_messages.0.message.role": .string("system"),
            "llm.input_messages.0.message.content": .string("Be brief."),
            "llm.input_messages.1.message.role": .string("user"),
            "llm.input_messages.1.message.content": .string("What is the weather in Paris?"),
            "llm.input_messages.2.message.role": .string("assistant"),
            "llm.input_messages.2.message.tool_calls.0.tool_call.id": .string("call-1"),
            "llm.input_messages.2.message.tool_calls.0.tool_call.function.name": .string("weather"),
            "llm.input_messages.2.message.tool_calls.0.tool_call.function.arguments": .string(#"{"city":"Paris"}"#),
            "llm.input_messages.3.message.role": .string("tool"),
            "llm.input_messages.3.message.content": .string("sunny"),
            "llm.input_messages.3.message.tool_call_id": .string("call-1"),
            "llm.output_messages.0.message.role": .string("assistant"),
            "llm.output_messages.0.message.content": .string("Sunny."),
            "llm.output_messages.0.message.tool_calls.0.tool_call.id": .string("call-2"),
            "llm.output_messages.0.message.tool_calls.0.tool_call.function.name": .string("forecast"),
            "llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments": .string(#"{"days":2}"#),
            "session.id": .string("session-1"),
            "user.id": .string("user-7"),
        ]
        for (key, value) in expected {
            #expect(llm.attribute(key) == value, "\(key)")
        }
        // An assistant message that only calls tools has no content attribute.
        #expect(llm.attribute("llm.input_messages.2.message.content") == nil)
        #expect(llm.attribute("llm.input_messages.4.message.role") == nil)
        // The provider has its own attribute, so the metadata JSON (which would hold only it) is left out.
        #expect(llm.attribute("metadata") == nil)
        let input = try #require(llm.attribute("input.value"))
        guard case .string(let inputText) = input else { Issue.record("input.value is not a string"); return }
        #expect(try JSONParser().parse(inputText).arrayValue?.count == 4)
    }

    @Test("a tool span carries its name, arguments, call id and structured result")
    func toolAttributes() async throws {
        let tool = try #require(try await mappedRun().otlp.named("forecast"))
        #expect(tool.attribute("tool.name") == .string("forecast"))
        #expect(tool.attribute("tool.parameters") == .string(#"{"days":2}"#))
        #expect(tool.attribute("tool_call.id") == .string("call-2"))
        #expect(tool.attribute("tool_call.function.name") == .string("forecast"))
        #expect(tool.attribute("tool_call.function.arguments") == .string(#"{"days":2}"#))
        #expect(tool.attribute("input.value") == .string(#"{"days":2}"#))
        #expect(tool.attribute("input.mime_type") == .string("application/json"))
        #expect(tool.attribute("output.value") == .string(#"{"forecast":["sun","rain"]}"#))
        #expect(tool.attribute("output.mime_type") == .string("application/json"))
        #expect(tool.attribute("llm.model_name") == nil)
    }

    @Test("session and user reach every span; the root keeps its metadata and tags")
    func contextAttributes() async throws {
        let otlp = try await mappedRun().otlp
        for span in otlp {
            #expect(span.attribute("session.id") == .string("session-1"), "\(span.name)")
            #expect(span.attribute("user.id") == .string("user-7"), "\(span.name)")
        }
        let root = try #require(otlp.named("support-bot"))
        #expect(root.attribute("metadata") == .string(#"{"team":"weather"}"#))
        #expect(root.attribute("tag.tags") == .stringArray(["demo", "otlp"]))
        #expect(root.attribute("input.value") == .string("What is the weather in Paris?"))
        #expect(root.attribute("input.mime_type") == .string("text/plain"))
        #expect(root.status.code == .ok)
        #expect(root.attribute("nat.event_type") == nil)
    }

    @Test("a failed scope has status ERROR with its message and an exception event")
    func errorStatus() async throws {
        let (spans, otlp) = try await mappedRun()
        let failed = try #require(otlp.named("lookup"))
        let source = try #require(spans.first { $0.name == "lookup" })
        #expect(failed.status.code == .error)
        #expect(failed.status.message == "lookup failed")
        let typeName = String(reflecting: MappingTestFailure.self)
        #expect(failed.attribute("error.type") == .string(typeName))
        let exception = try #require(failed.events.last)
        #expect(exception.name == "exception")
        #expect(exception.timeUnixNano == UInt64(source.end.nanosecondsSinceEpoch))
        #expect(exception.attribute("exception.type") == .string(typeName))
        #expect(exception.attribute("exception.message") == .string("lookup failed"))
    }

    @Test("a span unfinished at shutdown is UNSET and marked, without an exception")
    func unfinishedSpan() async throws {
        let events = Array(TestEvents.run(root: "cut").prefix(3))
        let spans = try await OTLPMappingSupport.spans(from: events)
        #expect(spans.count == 3)
        for span in spans.map(mapper.otlpSpan(for:)) {
            #expect(span.status.code == .unset, "\(span.name)")
            #expect(span.status.message.isEmpty)
            #expect(span.attribute("nat.unfinished") == .bool(true))
            #expect(span.events.allSatisfy { $0.name != "exception" })
        }
        let finished = try await OTLPMappingSupport.spans(from: TestEvents.run(root: "whole"))
        #expect(finished.map(mapper.otlpSpan(for:)).allSatisfy { $0.attribute("nat.unfinished") == nil })
    }

    @Test("chunks become llm.chunk span events and marks named span events with their data")
    func spanEvents() async throws {
        let (spans, otlp) = try await mappedRun()
        let llm = try #require(otlp.named("gpt-4o"))
        let llmSource = try #require(spans.first { $0.name == "gpt-4o" })
        #expect(llm.events.map(\.name) == ["llm.chunk", "llm.chunk"])
        #expect(llm.events[0].attribute("nat.data") == .string("Sun"))
        #expect(llm.events[1].attribute("nat.data") == .string(#"{"delta":"ny"}"#))
        #expect(llm.events.map(\.timeUnixNano) == llmSource.events.map { UInt64($0.timestamp.nanosecondsSinceEpoch) })

        let root = try #require(otlp.named("support-bot"))
        let mark = try #require(root.events.first)
        #expect(root.events.count == 1)
        #expect(mark.name == "checkpoint")
        #expect(mark.attribute("nat.phase") == .string("mark"))
        #expect(mark.attribute("nat.data") == .string("half way"))
    }

    @Test("the prefix is configurable and the toolkit attributes are opt-in")
    func prefixAndToolkitAttributes() async throws {
        let spans = try await OTLPMappingSupport.spans(from: TestEvents.run(root: "run"))
        let mapper = OTLPSpanMapper(options: .init(attributePrefix: "relay", toolkitAttributes: true))
        let otlp = spans.map(mapper.otlpSpan(for:))
        let llm = try #require(otlp.named("test-model"))
        #expect(llm.attribute("relay.uuid") == .string("run.llm0"))
        #expect(llm.attribute("nat.uuid") == nil)
        #expect(llm.attribute("relay.event_type") == .string("LLM_START"))
        #expect(llm.attribute("relay.span.kind") == .string("LLM"))
        #expect(llm.attribute("openinference.span.kind") == .string("LLM"))
        let llmSource = try #require(spans.first { $0.uuid == "run.llm0" })
        #expect(llm.attribute("relay.event_timestamp") == .double(llmSource.start.secondsSinceEpoch))
        let function = try #require(otlp.named("run_function"))
        #expect(function.attribute("relay.event_type") == .string("FUNCTION_START"))
        #expect(function.attribute("relay.function.id") == .string("run.fn"))
        #expect(function.attribute("relay.function.name") == .string("run_function"))
        let root = try #require(otlp.named("run"))
        #expect(root.attribute("relay.event_type") == .string("WORKFLOW_START"))
        #expect(root.attribute("relay.span.kind") == .string("WORKFLOW"))
    }

    @Test("the mapping is deterministic and the ids derive from the scope uuids")
    func deterministic() async throws {
        let events = TestEvents.run(root: "6c1f5b0e-3a4b-4c5d-8e9f-0a1b2c3d4e5f", turns: 2)
        let first = try await OTLPMappingSupport.spans(from: events).map(mapper.otlpSpan(for:))
        let second = try await OTLPMappingSupport.spans(from: events).map(mapper.otlpSpan(for:))
        #expect(first == second)
        let firstBytes = try first.map { try $0.serializedBytes() as [UInt8] }
        let secondBytes = try second.map { try $0.serializedBytes() as [UInt8] }
        #expect(firstBytes == secondBytes)
        let root = try #require(first.named("6c1f5b0e-3a4b-4c5d-8e9f-0a1b2c3d4e5f"))
        #expect(
            root.traceID
                == Data([
                    0x6c, 0x1f, 0x5b, 0x0e, 0x3a, 0x4b, 0x4c, 0x5d, 0x8e, 0x9f, 0x0a, 0x1b, 0x2c, 0x3d, 0x4e, 0x5f,
                ])
        )
        #expect(root.spanID == Data([0x8e, 0x9f, 0x0a, 0x1b, 0x2c, 0x3d, 0x4e, 0x5f]))
    }
}
