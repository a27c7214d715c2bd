/// Two stages run one after the other; it only exists when `First.Output == Second.Input`, so a pipeline whose
/// types do not line up is a compile-time error (the toolkit finds out at run time).
public struct ProcessorChain<First: Processor, Second: Processor>: Processor where First.Output == Second.Input {
    public typealias Input = First.Input
    public typealias Output = Second.Output

    /// The earlier stage.
    public var first: First
    /// The later stage.
    public var second: Second

    /// Chains `first` into `second`.
    public init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }

    public mutating func process(_ item: Input, emit: (Output) async throws -> Void) async throws {
        try await first.process(item) { intermediate in
            try await second.process(intermediate, emit: emit)
        }
    }

    public mutating func flush(emit: (Output) async throws -> Void) async throws {
        // What the first stage releases must pass through the second before the second releases its own.
        try await first.flush { intermediate in
            try await second.process(intermediate, emit: emit)
        }
        try await second.flush(emit: emit)
    }

    public mutating func finish(emit: (Output) async throws -> Void) async throws {
        try await first.finish { intermediate in
            try await second.process(intermediate, emit: emit)
        }
        try await second.finish(emit: emit)
    }

    public var deadline: ContinuousClock.Instant? {
        switch (first.deadline, second.deadline) {
        case (let a?, let b?): min(a, b)
        case (let a?, nil): a
        case (nil, let b): b
        }
    }

    public var statistics: [String: Double] {
        first.statistics.merging(second.statistics) { _, latest in latest }
    }

    public var heldCount: Int { first.heldCount + second.heldCount }

    public var droppedCount: Int { first.droppedCount + second.droppedCount }

    public var stageNames: [String] { first.stageNames + second.stageNames }
}

/// A stage under a name, so that its statistics read `name.counter` in the exporter's statistics.
public struct NamedProcessor<Wrapped: Processor>: Processor {
    public typealias Input = Wrapped.Input
    public typealias Output = Wrapped.Output

    /// The stage's name in statistics.
    public let name: String
    /// The stage.
    public var wrapped: Wrapped

    /// Names `wrapped`.
    public init(_ name: String, _ wrapped: Wrapped) {
        self.name = name
        self.wrapped = wrapped
    }

    public mutating func process(_ item: Input, emit: (Output) async throws -> Void) async throws {
        try await wrapped.process(item, emit: emit)
    }

    public mutating func flush(emit: (Output) async throws -> Void) async throws {
        try await wrapped.flush(emit: emit)
    }

    public mutating func finish(emit: (Output) async throws -> Void) async throws {
        try await wrapped.finish(emit: emit)
    }

    public var deadline: ContinuousClock.Instant? { wrapped.deadline }

    public var heldCount: Int { wrapped.heldCount }

    public var droppedCount: Int { wrapped.droppedCount }

    public var stageNames: [String] { [name] }

    public var statistics: [String: Double] {
        Dictionary(uniqueKeysWithValues: wrapped.statistics.map { ("\(name).\($0.key)", $0.value) })
    }
}

extension Processor {
    /// This stage followed by `next`.
    public func then<Next: Processor>(_ next: Next) -> ProcessorChain<Self, Next> where Next.Input == Output {
        ProcessorChain(self, next)
    }

    /// This stage under `name` in statistics.
    public func named(_ name: String) -> NamedProcessor<Self> {
        NamedProcessor(name, self)
    }
}

/// Builds a typed pipeline from a list of stages:
///
/// ```swift
/// let pipeline = try Pipeline.build {
///     FilterProcessor(categories: [.llm, .tool])
///     try RedactionProcessor(keyPaths: ["input.api_key"])
///     try BatchingProcessor<AgentEvent>(batchSize: 100)
/// }
/// ```
///
/// Each stage's output type must be the next stage's input type, or the pipeline does not compile.
@resultBuilder
public enum PipelineBuilder {
    public static func buildPartialBlock<First: Processor>(first: First) -> First {
        first
    }

    public static func buildPartialBlock<Accumulated: Processor, Next: Processor>(
        accumulated: Accumulated,
        next: Next
    ) -> ProcessorChain<Accumulated, Next> where Accumulated.Output == Next.Input {
        ProcessorChain(accumulated, next)
    }
}

/// Namespace for building pipelines with ``PipelineBuilder``.
public enum Pipeline {
    /// The stages in `build`, chained in order.
    public static func build<Result: Processor>(@PipelineBuilder _ build: () throws -> Result) rethrows -> Result {
        try build()
    }
}
