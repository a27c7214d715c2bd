import ExporterRuntime
import ExporterRuntimeTesting
import Synchronization

/// Batches events and asks to be flushed `interval` after the first event of a batch: the shape of a real
/// batching stage, small enough to test the consumer's deadline handling.
struct IntervalBatcher: Processor {
    let batchSize: Int
    let interval: Duration
    private var batch: [AgentEvent] = []
    private var batchDeadline: ContinuousClock.Instant?
    private var batchesEmitted = 0

    init(batchSize: Int, interval: Duration) {
        self.batchSize = batchSize
        self.interval = interval
    }

    mutating func process(_ item: AgentEvent, emit: ([AgentEvent]) async throws -> Void) async throws {
        if batch.isEmpty { batchDeadline = ContinuousClock.now.advanced(by: interval) }
        batch.append(item)
        if batch.count >= batchSize { try await flush(emit: emit) }
    }

    mutating func flush(emit: ([AgentEvent]) async throws -> Void) async throws {
        batchDeadline = nil
        guard !batch.isEmpty else { return }
        let full = batch
        batch.removeAll(keepingCapacity: true)
        batchesEmitted += 1
        try await emit(full)
    }

    var deadline: ContinuousClock.Instant? { batchDeadline }

    var statistics: [String: Double] { ["batches": Double(batchesEmitted)] }
}

/// Passes events on and counts them, reporting ends whose start it never saw as `anomaly.end_without_start`.
struct CountingProcessor: Processor {
    private var seen = 0
    private var open: Set<String> = []
    private var endsWithoutStart = 0

    init() {}

    mutating func process(_ item: AgentEvent, emit: (AgentEvent) async throws -> Void) async throws {
        seen += 1
        switch item.phase {
        case .start: open.insert(item.uuid)
        case .end where open.remove(item.uuid) == nil: endsWithoutStart += 1
        default: break
        }
        try await emit(item)
    }

    var statistics: [String: Double] {
        ["seen": Double(seen), "anomaly.end_without_start": Double(endsWithoutStart)]
    }
}

/// Fails on every event whose uuid is in `failing`.
struct FailingProcessor: TransformProcessor {
    typealias Input = AgentEvent
    typealias Output = AgentEvent
    struct Failure: Error {}
    let failing: Set<String>

    func transform(_ item: AgentEvent) async throws -> AgentEvent? {
        if failing.contains(item.uuid) { throw Failure() }
        return item
    }
}

typealias MemoryExporter = RawExporter<InMemorySink<AgentEvent>>

/// A raw exporter into a fresh in-memory sink.
func memoryExporter(
    name: String = "memory",
    capacity: Int = 10_000,
    overflowPolicy: OverflowPolicy = .dropNewest,
    delay: Duration? = nil,
    failFirst: Int = 0
) -> MemoryExporter {
    RawExporter(
        name: name,
        sink: InMemorySink<AgentEvent>(delay: delay, failFirst: failFirst),
        capacity: capacity,
        overflowPolicy: overflowPolicy
    )
}

/// A blueprint whose instances are raw exporters into fresh in-memory sinks; it remembers every sink it made.
final class MemoryBlueprint: ExporterBlueprint {
    private let made = Mutex<[InMemorySink<AgentEvent>]>([])
    private let closed = Atomic<Int>(0)

    init() {}

    func makeExporter(name: String) throws -> any Exporter {
        let exporter = memoryExporter(name: name)
        made.withLock { $0.append(exporter.sink) }
        return exporter
    }

    func close() async {
        closed.add(1, ordering: .relaxed)
    }

    var sinks: [InMemorySink<AgentEvent>] { made.withLock { $0 } }
    var closeCount: Int { closed.load(ordering: .relaxed) }
}

extension ExporterRun {
    /// The sink of this run's raw in-memory exporter named `name`.
    func memorySink(_ name: String) -> InMemorySink<AgentEvent>? {
        (exporter(named: name) as? MemoryExporter)?.sink
    }
}

/// Polls `condition` until it holds; false after `timeout` (a generous bound against hangs, not a timing test).
func eventually(timeout: Duration = .seconds(10), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while !condition() {
        guard ContinuousClock.now < deadline, (try? await Task.sleep(for: .milliseconds(1))) != nil else {
            return false
        }
    }
    return true
}
