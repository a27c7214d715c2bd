import ExporterRuntime
import Testing

/// The stages generated packages use after a `batch` processor: unbatching and span-batch serialization.
@Suite("Span batch stages")
struct SpanBatchStageTests {
    private func spans() async throws -> [Span] {
        try await SpanFixtures.build([
            SpanFixtures.event(.start, "a", at: 1),
            SpanFixtures.event(.end, "a", at: 2),
            SpanFixtures.event(.start, "b", at: 3),
            SpanFixtures.event(.end, "b", at: 4),
        ])
    }

    @Test("a batch of spans is written as one SpanJSON line per span, in order")
    func serializesEachSpan() async throws {
        let spans = try await spans()
        var expected: [UInt8] = []
        for span in spans { SpanJSON.appendLine(span, to: &expected) }
        #expect(SpanBatchJSONSerializer().transform(spans) == expected)
    }

    @Test("an empty batch is dropped, not written as an empty payload")
    func dropsEmptyBatch() {
        #expect(SpanBatchJSONSerializer().transform([]) == nil)
    }

    @Test("unbatching passes on each item of a batch in order")
    func unbatches() async throws {
        var items: [Int] = []
        try await UnbatchProcessor<Int>().process([3, 1, 2]) { items.append($0) }
        #expect(items == [3, 1, 2])
    }
}
