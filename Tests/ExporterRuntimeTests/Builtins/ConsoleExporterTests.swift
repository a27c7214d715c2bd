import ExporterRuntime
import ExporterRuntimeTesting
import Testing

@testable import ExporterCore
@testable import ExporterEvents

@Suite("ConsoleExporter")
struct ConsoleExporterTests {
    private func trees(from events: [AgentEvent]) async throws -> [SpanTree] {
        var pipeline = SpanBuilder().then(SpanTreeAssembler())
        var trees: [SpanTree] = []
        for event in events {
            try await pipeline.process(event) { trees.append($0) }
        }
        try await pipeline.finish { trees.append($0) }
        return trees
    }

    @Test("a finished trace prints as one tree, children in start order, with tokens")
    func rendersTree() async throws {
        let events = TestEvents.run(root: "4bf92f35-77b3-4da6-a3ce-929d0e0e4736", turns: 2, chunksPerCall: 1)
        let trees = try await trees(from: events)
        #expect(trees.count == 1)
        let text = ConsoleRenderer().render(try #require(trees.first))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines[0].hasPrefix("agent \"4bf92f35-77b3-4da6-a3ce-929d0e0e4736\""))
        #expect(lines[0].hasSuffix("trace 4bf92f3577b34da6a3ce929d0e0e4736"))
        #expect(lines[1].hasPrefix("└─ function "))
        #expect(lines[2].hasPrefix("   ├─ llm "))
        #expect(lines[2].contains("tokens "))
        #expect(lines[3].hasPrefix("   ├─ tool \"search\""))
        #expect(lines[5].hasPrefix("   └─ tool \"search\""))
        #expect(!text.contains("\u{1B}["))
    }

    @Test("errors and unfinished scopes are visible; colour only when asked")
    func errorsAndUnfinished() async throws {
        var events = TestEvents.run(root: "r", turns: 1)
        // Drop the last END (the root's): the root stays open and is exported unfinished at shutdown.
        events.removeLast()
        if let toolEnd = events.lastIndex(where: { $0.category == .tool && $0.phase == .end }) {
            events[toolEnd].status = .error(type: "TimeoutError", message: "took\ntoo long")
        }
        let trees = try await trees(from: events)
        let text = ConsoleRenderer(colored: true).render(try #require(trees.first))
        #expect(text.contains("ERROR TimeoutError: took too long"))
        #expect(text.contains("(unfinished)"))
        #expect(text.contains("\u{1B}[31;1m"))
    }

    @Test("durations read naturally")
    func durations() {
        #expect(ConsoleRenderer.format(durationNanoseconds: 850) == "850ns")
        #expect(ConsoleRenderer.format(durationNanoseconds: 12_340) == "12.3µs")
        #expect(ConsoleRenderer.format(durationNanoseconds: 45_600_000) == "45.6ms")
        #expect(ConsoleRenderer.format(durationNanoseconds: 1_520_000_000) == "1.52s")
        #expect(ConsoleRenderer.format(durationNanoseconds: 123_000_000_000) == "2m03s")
    }
}
