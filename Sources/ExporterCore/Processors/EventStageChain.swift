/// Event stages chosen at run time (from a workflow file's `processors:` list), run in order in front of an
/// exporter's own pipeline.
///
/// A typed ``ProcessorChain`` needs its stages at compile time; this chain holds any number of
/// `AgentEvent → AgentEvent` stages picked while reading configuration. Each stage may drop an event, pass it on, or
/// emit several; what a stage holds back is released on flush and finish and goes through the later stages, as in
/// ``ProcessorChain``. Every stage's statistics appear under its name (`processors.filter.passed`). The empty chain
/// passes events straight through.
import ExporterEvents

public struct EventStageChain: Processor {
    public typealias Input = AgentEvent
    public typealias Output = AgentEvent

    /// One stage and the name its statistics are reported under.
    public struct Stage: Sendable {
        /// The statistics prefix, such as `processors.filter`.
        public let name: String
        /// The stage.
        public var processor: any Processor<AgentEvent, AgentEvent>

        /// Names `processor`.
        public init(name: String, processor: any Processor<AgentEvent, AgentEvent>) {
            self.name = name
            self.processor = processor
        }
    }

    /// The stages, in the order events pass them.
    public private(set) var stages: [Stage]

    /// A chain of `stages`; none passes events through unchanged.
    public init(_ stages: [Stage] = []) {
        self.stages = stages
    }

    /// True when the chain has no stage.
    public var isEmpty: Bool { stages.isEmpty }

    public mutating func process(_ item: AgentEvent, emit: (AgentEvent) async throws -> Void) async throws {
        if stages.isEmpty { return try await emit(item) }
        try await run(item, from: 0, emit: emit)
    }

    public mutating func flush(emit: (AgentEvent) async throws -> Void) async throws {
        for index in stages.indices {
            var released: [AgentEvent] = []
            try await stages[index].processor.flush { released.append($0) }
            for event in released { try await run(event, from: index + 1, emit: emit) }
        }
    }

    public mutating func finish(emit: (AgentEvent) async throws -> Void) async throws {
        for index in stages.indices {
            var released: [AgentEvent] = []
            try await stages[index].processor.finish { released.append($0) }
            for event in released { try await run(event, from: index + 1, emit: emit) }
        }
    }

    public var deadline: ContinuousClock.Instant? {
        stages.compactMap(\.processor.deadline).min()
    }

    /// Each stage's counters under `name.counter`.
    public var statistics: [String: Double] {
        var statistics: [String: Double] = [:]
        for stage in stages {
            for (key, value) in stage.processor.statistics {
                statistics["\(stage.name).\(key)"] = value
            }
        }
        return statistics
    }

    /// Passes `event` through the stages from `index` on. The usual case (each stage emits at most one event)
    /// allocates nothing; a stage that emits several sends each through the rest of the chain, in order.
    private mutating func run(
        _ event: AgentEvent,
        from index: Int,
        emit: (AgentEvent) async throws -> Void
    ) async throws {
        var current = event
        var index = index
        while index < stages.count {
            var first: AgentEvent?
            var more: [AgentEvent] = []
            try await stages[index].processor.process(current) { output in
                if first == nil { first = output } else { more.append(output) }
            }
            guard let next = first else { return }
            index += 1
            guard more.isEmpty else {
                try await run(next, from: index, emit: emit)
                for extra in more { try await run(extra, from: index, emit: emit) }
                return
            }
            current = next
        }
        try await emit(current)
    }
}
