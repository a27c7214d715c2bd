import ExporterRuntime
import Testing

@Suite("EventStageChain")
struct EventStageChainTests {
    /// Emits every event twice, the copy renamed with a `+` suffix.
    private struct Duplicating: Processor {
        func process(_ item: AgentEvent, emit: (AgentEvent) async throws -> Void) async throws {
            try await emit(item)
            var copy = item
            copy.name += "+"
            try await emit(copy)
        }
    }

    /// Holds every event back until a flush or finish.
    private struct Holding: Processor {
        var held: [AgentEvent] = []

        mutating func process(_ item: AgentEvent, emit: (AgentEvent) async throws -> Void) async throws {
            held.append(item)
        }

        mutating func flush(emit: (AgentEvent) async throws -> Void) async throws {
            for event in held { try await emit(event) }
            held = []
        }

        var statistics: [String: Double] { ["held": Double(held.count)] }
    }

    private func run(
        _ chain: inout EventStageChain,
        _ names: [String],
        flush: Bool = false
    ) async throws -> [String] {
        var out: [String] = []
        for name in names {
            try await chain.process(makeEvent(name: name)) { out.append($0.name) }
        }
        if flush { try await chain.flush { out.append($0.name) } }
        return out
    }

    @Test("the empty chain passes events through")
    func empty() async throws {
        var chain = EventStageChain()
        #expect(chain.isEmpty)
        #expect(try await run(&chain, ["a", "b"]) == ["a", "b"])
        #expect(chain.statistics.isEmpty)
    }

    @Test("a stage that emits several events sends each through the later stages, in order")
    func severalOutputs() async throws {
        let dropCopies = MapProcessor<AgentEvent, AgentEvent> { $0.name.hasSuffix("++") ? nil : $0 }
        var chain = EventStageChain([
            .init(name: "first", processor: Duplicating()),
            .init(name: "second", processor: Duplicating()),
            .init(name: "third", processor: dropCopies),
        ])
        #expect(try await run(&chain, ["a", "b"]) == ["a", "a+", "a+", "b", "b+", "b+"])
    }

    @Test("what a stage holds back is released on flush through the later stages; statistics are per stage")
    func heldEventsPassLaterStages() async throws {
        var chain = EventStageChain([
            .init(name: "processors.hold", processor: Holding()),
            .init(name: "processors.dup", processor: Duplicating()),
        ])
        #expect(try await run(&chain, ["a", "b"]) == [])
        #expect(chain.statistics == ["processors.hold.held": 2])
        var out: [String] = []
        try await chain.flush { out.append($0.name) }
        #expect(out == ["a", "a+", "b", "b+"])
        #expect(chain.statistics == ["processors.hold.held": 0])
    }
}
