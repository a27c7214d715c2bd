import ExporterDiagnostics
import ExporterRuntime
import Testing

@testable import ExporterCodecs
@testable import ExporterEvents

@Suite("ATOFCodec")
struct ATOFCodecTests {
    @Test func fixtureRoundTripsLineByLine() throws {
        let lines = try TraceFixtures.lines("relay-trace.atof")
        #expect(lines.count >= 14)
        for (number, line) in lines.enumerated() {
            let original = try TraceFixtures.parse(line)
            let event = try ATOFCodec.decode(line: line)
            let rewritten = try TraceFixtures.parse(ATOFCodec.encode(event))
            #expect(
                rewritten == original,
                "line \(number + 1) differs:\n\(original.jsonString)\n\(rewritten.jsonString)"
            )
        }
    }

    @Test func fixtureMapsToCanonicalFields() throws {
        let events = try TraceFixtures.lines("relay-trace.atof").map { line throws(DiagnosticError) in
            try ATOFCodec.decode(line: line)
        }
        let agent = events[0]
        #expect(agent.phase == .start && agent.category == .agent && agent.parentUUID == nil)
        #expect(agent.timestamp == Timestamp(nanosecondsSinceEpoch: 1_760_000_000_000_123_000))
        #expect(agent.input == ["request": "Plan a day in Lisbon"])
        let llm = events[1]
        #expect(llm.category == .llm && llm.modelName == "nvidia/nemotron-mini")
        #expect(llm.timestamp == Timestamp(nanosecondsSinceEpoch: 1_760_000_000_001_000_000))
        #expect(llm.extensions["atof"]?["profile_extra"] == ["provider": "nim", "temperature": 0.2])
        let mark = events[2]
        #expect(mark.phase == .mark && mark.chunk == ["latency_ms": 249] && mark.category == .unknown)
        #expect(mark.timestamp == Timestamp(nanosecondsSinceEpoch: 1_760_000_000_250_000_000))
        #expect(events[3].output?["content"] == "Morning: Belém. Afternoon: Alfama.")
        #expect(events[4].toolCallID == "call_41")
        #expect(events[5].timestamp == Timestamp(nanosecondsSinceEpoch: 1_760_000_000_912_345_678))
        #expect(events[6].category == .custom("planner"))
        #expect(events[9].category == .retriever)
        #expect(events[11].category == .unknown)
        #expect(events[11].timestamp == Timestamp(nanosecondsSinceEpoch: 1_760_000_001_400_000_000))
        #expect(try TraceFixtures.parse(ATOFCodec.encode(events[11]))["category"] == "memory_store")
        #expect(events.last?.phase == .end && events.last?.uuid == agent.uuid)
    }

    @Test func instrumentedEventsEncodeCompleteLinesAndDecodeBackEqual() throws {
        var samples = CodecSamples.instrumented
        samples.append(
            AgentEvent(
                uuid: "n1",
                parentUUID: "w1",
                phase: .start,
                category: .tool,
                name: "precise",
                timestamp: Timestamp(nanosecondsSinceEpoch: 1_760_000_000_123_456_789),
                tags: ["x"],
                framework: "crewai"
            )
        )
        for event in samples {
            let bytes = ATOFCodec.encode(event)
            let line = try #require(try TraceFixtures.parse(bytes).objectValue)
            for key in [
                "kind", "atof_version", "uuid", "parent_uuid", "timestamp", "name", "data", "data_schema", "metadata",
            ] {
                #expect(line[key] != nil, "\(key) missing in \(String(decoding: bytes, as: UTF8.self))")
            }
            if event.phase == .start || event.phase == .end {
                for key in ["scope_category", "attributes", "category", "category_profile"] {
                    #expect(line[key] != nil)
                }
            }
            let decoded = try ATOFCodec.decode(line: bytes)
            #expect(
                IntermediateStepCodecTests.withoutExtensions(decoded) == event,
                "\(String(decoding: bytes, as: UTF8.self))"
            )
        }
    }

    @Test func chunksBecomeMarksAndStatusSurvives() throws {
        let chunk = try #require(CodecSamples.instrumented.first { $0.phase == .chunk && $0.category == .llm })
        let line = try TraceFixtures.parse(ATOFCodec.encode(chunk))
        #expect(line["kind"] == "mark" && line["canonical"]?["phase"] == "chunk" && line["data"] == "he")
        let failed = try #require(CodecSamples.instrumented.first { $0.status.isError })
        let failedLine = try TraceFixtures.parse(ATOFCodec.encode(failed))
        #expect(failedLine["canonical"]?["error"] == ["type": "TimeoutError", "message": "took \"too\" long"])
        #expect(try ATOFCodec.decode(failedLine).status == failed.status)
    }

    @Test func timestampsInBothRepresentations() throws {
        let cases: [(String, Int64)] = [
            (#""1970-01-01T00:00:00Z""#, 0),
            (#""2025-10-09T08:53:20.5+00:30""#, 1_759_998_200_500_000_000),
            (#""2024-02-29T23:59:59.123456789123-01:00""#, 1_709_254_799_123_456_789),
            (#""1969-12-31T23:59:59.999Z""#, -1_000_000),
            ("1760000000000001", 1_760_000_000_000_001_000),
        ]
        for (timestamp, nanos) in cases {
            let text =
                #"{"kind":"mark","atof_version":"0.1","uuid":"m","parent_uuid":null,"timestamp":\#(timestamp),"name":"t"}"#
            let original = try TraceFixtures.parse(text)
            let event = try ATOFCodec.decode(original)
            #expect(event.timestamp.nanosecondsSinceEpoch == nanos, "\(timestamp)")
            #expect(try TraceFixtures.parse(ATOFCodec.encode(event)) == original)
        }
        #expect(RFC3339.format(Timestamp(nanosecondsSinceEpoch: -1_000_000)) == "1969-12-31T23:59:59.999Z")
        for bad in [
            #""2025-02-30T00:00:00Z""#, #""2025-10-09 08:53""#, #""2025-10-09T08:53:20""#, #""2025-10-09T08:53:20.Z""#,
        ] {
            let text = #"{"kind":"mark","uuid":"m","timestamp":\#(bad)}"#
            let diagnostic = TraceFixtures.diagnostic { () throws(DiagnosticError) in
                _ = try ATOFCodec.decode(line: Array(text.utf8))
            }
            #expect(diagnostic?.code == "TRACE007", "\(bad)")
        }
    }

    @Test func rejectsLinesThatAreNotEvents() {
        func diagnostic(_ text: String) -> Diagnostic? {
            TraceFixtures.diagnostic { () throws(DiagnosticError) in _ = try ATOFCodec.decode(line: Array(text.utf8)) }
        }
        #expect(diagnostic("[]")?.message == "an ATOF line must be a JSON object, found an array")
        #expect(diagnostic(#"{"kind":"scop","uuid":"u","timestamp":0}"#)?.hint == "did you mean 'scope'?")
        #expect(diagnostic(#"{"kind":"scope","scope_category":"begin","uuid":"u","timestamp":0}"#)?.code == "TRACE006")
        #expect(diagnostic(#"{"kind":"mark","atof_version":"0.2","uuid":"u","timestamp":0}"#)?.code == "TRACE008")
        #expect(diagnostic(#"{"kind":"mark","timestamp":0}"#)?.code == "TRACE003")
        #expect(diagnostic(#"{"kind":"mark","uuid":"u","timestamp":1.5}"#)?.code == "TRACE004")
        #expect(diagnostic(#"{"kind":"mark","uuid":"u","timestamp":9223372036854775807}"#)?.code == "TRACE007")
        #expect(
            diagnostic(#"{"kind":"scope","scope_category":"start","uuid":"u","timestamp":0,"category":3}"#)?.code
                == "TRACE004"
        )
    }

    @Test func crossFormatKeepsIdentityCategoryAndTime() throws {
        for line in try TraceFixtures.lines("relay-trace.atof") {
            let atof = try ATOFCodec.decode(line: line)
            var canonical = atof
            canonical.extensions = [:]
            let viaToolkit = try IntermediateStepCodec.decode(line: IntermediateStepCodec.encode(canonical))
            #expect(viaToolkit.uuid == atof.uuid)
            #expect(viaToolkit.parentUUID == atof.parentUUID)
            #expect(viaToolkit.category == atof.category)
            #expect(viaToolkit.phase == atof.phase)
            #expect(viaToolkit.name == atof.name)
            #expect(viaToolkit.modelName == atof.modelName)
            // Float seconds resolve ~0.24 µs at this epoch.
            #expect(abs(viaToolkit.timestamp.nanosecondsSinceEpoch - atof.timestamp.nanosecondsSinceEpoch) < 250)
        }
    }
}
