/// One stage of an exporter's pipeline: it transforms items, drops them, or holds them back (batching).
///
/// Stages are typed: a pipeline only compiles when each stage's `Output` is the next stage's `Input`
/// (see ``Pipeline``). A pipeline is owned by exactly one exporter instance and driven by that instance's single
/// consumer task, so a stage may keep mutable state without locks; the manager builds fresh stages for every run.
public protocol Processor<Input, Output>: Sendable {
    /// What this stage consumes.
    associatedtype Input: Sendable
    /// What this stage produces.
    associatedtype Output: Sendable

    /// Handles one item and passes zero or more results to `emit`, in order.
    mutating func process(_ item: Input, emit: (Output) async throws -> Void) async throws

    /// Passes on whatever the stage holds back (a partial batch). Called on `flush()`, at shutdown before
    /// ``finish(emit:)``, and whenever ``deadline`` has passed.
    mutating func flush(emit: (Output) async throws -> Void) async throws

    /// Passes on everything still held at shutdown, including what a flush would keep (for example spans whose
    /// scope never ended, which are exported marked unfinished). Defaults to ``flush(emit:)``.
    mutating func finish(emit: (Output) async throws -> Void) async throws

    /// The instant at which this stage wants ``flush(emit:)`` called even if no item arrives (a batch interval),
    /// or nil. Defaults to nil.
    var deadline: ContinuousClock.Instant? { get }

    /// Counters that describe this stage (for example a batcher's `batches_created`), merged into the exporter's
    /// statistics under the stage's name. Defaults to none.
    var statistics: [String: Double] { get }

    /// Items this stage holds right now and would pass on later (a batcher's queue, spans whose scope is still
    /// open), in the stage's output units; what a shutdown that times out reports as abandoned inside the
    /// pipeline. Defaults to 0.
    var heldCount: Int { get }

    /// Items this stage dropped because it bounds what it holds (a batcher's `max_queue_size`), counted into the
    /// exporter's `dropped`. Defaults to 0; a stage that merely filters does not count here.
    var droppedCount: Int { get }

    /// The names of the named stages this stage is made of, in order (``NamedProcessor``, ``ProcessorChain``):
    /// what a test asserts a pipeline's stage order by. Defaults to none.
    var stageNames: [String] { get }
}

extension Processor {
    public mutating func flush(emit: (Output) async throws -> Void) async throws {}

    public mutating func finish(emit: (Output) async throws -> Void) async throws {
        try await flush(emit: emit)
    }

    public var deadline: ContinuousClock.Instant? { nil }

    public var statistics: [String: Double] { [:] }

    public var heldCount: Int { 0 }

    public var droppedCount: Int { 0 }

    public var stageNames: [String] { [] }
}

/// A stage that maps each item to at most one result: the shape of most processors (filters, redaction,
/// enrichment, serializers). Returning nil drops the item.
public protocol TransformProcessor: Processor {
    /// The result for `item`, or nil to drop it.
    mutating func transform(_ item: Input) async throws -> Output?
}

extension TransformProcessor {
    public mutating func process(_ item: Input, emit: (Output) async throws -> Void) async throws {
        if let output = try await transform(item) { try await emit(output) }
    }
}

/// A stage made from a closure, for one-off transformations. Returning nil drops the item.
public struct MapProcessor<Input: Sendable, Output: Sendable>: TransformProcessor {
    private let body: @Sendable (Input) async throws -> Output?

    /// Creates a stage from `body`.
    public init(_ body: @escaping @Sendable (Input) async throws -> Output?) {
        self.body = body
    }

    public func transform(_ item: Input) async throws -> Output? {
        try await body(item)
    }
}

/// A stage that passes every item on unchanged: the empty pipeline.
public struct PassThroughProcessor<Item: Sendable>: Processor {
    /// Creates the stage.
    public init() {}

    public func process(_ item: Item, emit: (Item) async throws -> Void) async throws {
        try await emit(item)
    }
}

/// A stage that passes on the items of each batch one by one: for a stage after batching that takes single
/// items (the console's span tree assembler).
public struct UnbatchProcessor<Item: Sendable>: Processor {
    /// Creates the stage.
    public init() {}

    public func process(_ batch: [Item], emit: (Item) async throws -> Void) async throws {
        for item in batch { try await emit(item) }
    }
}
