import ExporterDiagnostics
import ExporterRuntime
import Testing

@testable import ExporterCodecs

@Suite("TraceReader")
struct TraceReaderTests {
    @Test func readsToolkitFixtureWithRoots() throws {
        let result = try TraceReader().read(contentsOfFile: TraceFixtures.path("toolkit-trace"))
        #expect(result.format == .intermediateStep)
        #expect(result.diagnostics.isEmpty)
        #expect(result.events.count == 25)
        #expect(result.lineNumbers == Array(1...25))
        let root = "7f3c2a10-5b6e-4d21-9a0c-1e2f3a4b5c01"
        #expect(result.events.allSatisfy { $0.rootUUID == root })
        // Every START has its END and every parent was opened before.
        var open: Set<String> = []
        for event in result.events {
            if let parent = event.parentUUID { #expect(open.contains(parent)) }
            if event.phase == .start { open.insert(event.uuid) }
            if event.phase == .end { #expect(open.remove(event.uuid) != nil) }
        }
        #expect(open.isEmpty)
    }

    @Test func readsATOFFixtureAndDetectsIt() throws {
        let bytes = try TraceFixtures.bytes("relay-trace.atof")
        #expect(TraceFormat.detect(firstLineOf: bytes) == .atof)
        let result = TraceReader().read(bytes, file: "relay.jsonl")
        #expect(result.format == .atof && result.diagnostics.isEmpty && result.events.count == 14)
        #expect(result.events.allSatisfy { $0.rootUUID == "0199c8a1-0000-7000-8000-00000000a001" })
        var open: Set<String> = []
        for event in result.events {
            if let parent = event.parentUUID { #expect(open.contains(parent)) }
            if event.phase == .start { open.insert(event.uuid) }
            if event.phase == .end { #expect(open.remove(event.uuid) != nil) }
        }
        #expect(open.isEmpty)
    }

    @Test func malformedLinesGiveLocatedDiagnosticsAndGoodLinesComeThrough() throws {
        let result = TraceReader().read(try TraceFixtures.bytes("malformed"), file: "malformed.jsonl")
        #expect(result.format == .intermediateStep)
        #expect(result.lineNumbers == [1, 3, 10, 11])
        #expect(result.events.map(\.phase) == [.start, .start, .end, .end])
        let found = result.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0):\($0.code)" }
        #expect(
            found == ["2:121:JSON001", "5:1:TRACE005", "6:1:TRACE003", "7:1:TRACE004", "8:1:TRACE002", "9:114:JSON004"]
        )
        #expect(result.diagnostics.allSatisfy { $0.location?.file == "malformed.jsonl" })
        #expect(result.diagnostics[1].hint == "did you mean 'LLM_START'?")
        #expect(result.diagnostics[0].description.hasPrefix("malformed.jsonl:2:121: error[JSON001]"))
    }

    @Test func partialFilesAndUndetectableLines() {
        let text = """
            {"hello":"world"}

            {"kind":"scope","scope_category":"start","atof_version":"0.1","uuid":"c","parent_uuid":"missing","timestamp":5,"name":"n","category":"tool"}\r
            {"kind":"mark","atof_version":"0.1","uuid":"d","parent_uuid":"c","timestamp":6,"name":"m"}
            """
        let result = TraceReader().read(Array(text.utf8))
        #expect(result.diagnostics.map(\.code) == ["TRACE009"])
        #expect(result.lineNumbers == [3, 4])
        #expect(result.events.map(\.rootUUID) == ["missing", "missing"])
        #expect(TraceReader(format: .intermediateStep).read(Array(text.utf8)).events.isEmpty)
    }

    @Test func byteOrderMarkAtTheStartIsSkipped() throws {
        let plain = try TraceFixtures.bytes("toolkit-trace")
        let marked = TraceLines.byteOrderMark + plain
        #expect(TraceFormat.detect(firstLineOf: marked) == .intermediateStep)
        let result = TraceReader().read(marked, file: "bom.jsonl")
        #expect(result.diagnostics.isEmpty)
        #expect(result.events == TraceReader().read(plain).events)
        #expect(result.lineNumbers.first == 1)

        // Only a leading mark is special: elsewhere it is content, and a JSON error says so at its place.
        let inside = Array(#"{"payload":1}"#.utf8) + [UInt8(ascii: "\n")] + TraceLines.byteOrderMark + Array("{}".utf8)
        let later = TraceReader(format: .intermediateStep).read(inside)
        #expect(later.diagnostics.map { "\($0.location?.line ?? 0):\($0.code)" } == ["1:TRACE004", "2:JSON002"])
    }

    @Test func missingFileIsATraceError() {
        let diagnostic = TraceFixtures.diagnostic { () throws(DiagnosticError) in
            _ = try TraceReader().read(contentsOfFile: "/nonexistent/trace.jsonl")
        }
        #expect(diagnostic?.code == "TRACE001")
        #expect(diagnostic?.location?.file == "/nonexistent/trace.jsonl")
    }

    @Test func randomGarbageLinesNeverCrash() throws {
        var generator = SystemRandomNumberGenerator()
        let good = try TraceFixtures.lines("toolkit-trace")
        for _ in 0..<200 {
            var bytes: [UInt8] = []
            var expected = 0
            for _ in 0..<8 {
                if Bool.random(using: &generator) {
                    var line = try #require(good.randomElement(using: &generator))
                    // Mutate some lines: cut them or flip bytes.
                    if Bool.random(using: &generator) {
                        let cut = Int.random(in: 0..<line.count, using: &generator)
                        line[cut] = UInt8.random(in: 0...255, using: &generator)
                        if line[cut] == UInt8(ascii: "\n") { line[cut] = UInt8(ascii: "x") }
                    } else {
                        expected += 1
                    }
                    bytes += line
                } else {
                    bytes += (0..<Int.random(in: 0..<30, using: &generator)).map { _ in
                        let byte = UInt8.random(in: 0...255, using: &generator)
                        return byte == UInt8(ascii: "\n") ? 0x20 : byte
                    }
                }
                bytes.append(UInt8(ascii: "\n"))
            }
            let result = TraceReader(format: .intermediateStep).read(bytes)
            #expect(result.events.count >= expected)
            #expect(result.events.count + result.diagnostics.count <= 8)
        }
    }
}

@Suite("TraceReader writer and serializers")
struct TraceReaderWriterTests {
    @Test func writerAndReaderRoundTripBothFormats() throws {
        for format in TraceFormat.allCases {
            let bytes = TraceWriter(format: format).encode(CodecSamples.instrumented)
            #expect(bytes.last == UInt8(ascii: "\n"))
            let result = TraceReader().read(bytes)
            #expect(result.format == format && result.diagnostics.isEmpty)
            #expect(result.events.map(\.uuid) == CodecSamples.instrumented.map(\.uuid))
            #expect(result.events.allSatisfy { $0.rootUUID == "w1" })
        }
    }

    @Test func serializersProduceLinesAndBatches() async throws {
        var serializer = EventJSONSerializer(format: .atof)
        let event = CodecSamples.instrumented[0]
        let serialized = serializer.transform(event)
        let line = try #require(serialized)
        #expect(line.last == UInt8(ascii: "\n"))
        #expect(try ATOFCodec.decode(line: line.dropLast()).uuid == "w1")
        var emitted: [[UInt8]] = []
        try await serializer.process(event) { emitted.append($0) }
        #expect(emitted == [line])

        let batch = EventBatchJSONSerializer()
        let lines = try #require(batch.transform(CodecSamples.instrumented))
        #expect(lines.filter { $0 == UInt8(ascii: "\n") }.count == CodecSamples.instrumented.count)
        #expect(TraceReader().read(lines).events.count == CodecSamples.instrumented.count)
        #expect(batch.transform([]) == nil)
    }
}
