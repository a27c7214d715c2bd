import ExporterCore
import Synchronization

/// A sink that records what it exports, for tests. It can wait before each export (to play a slow or stalled
/// transport; the wait ends with `CancellationError` when the exporting task is cancelled) and fail the first
/// exports (to play a flaky one).
public final class InMemorySink<Item: Sendable>: ExportSink {
    /// How long each export waits before it records its item, or nil for no wait.
    public let delay: Duration?
    /// How many of the first export calls throw ``InMemorySinkError/injectedFailure(attempt:)``.
    public let failFirst: Int

    private struct State {
        var items: [Item] = []
        var attempts = 0
        var flushes = 0
        var closed = false
    }

    private let state = Mutex(State())

    /// Creates an empty sink.
    public init(delay: Duration? = nil, failFirst: Int = 0) {
        self.delay = delay
        self.failFirst = failFirst
    }

    public func export(_ item: Item) async throws {
        let attempt = state.withLock { state in
            state.attempts += 1
            return state.attempts
        }
        if attempt <= failFirst { throw InMemorySinkError.injectedFailure(attempt: attempt) }
        if let delay { try await Task.sleep(for: delay) }
        state.withLock { $0.items.append(item) }
    }

    public func flush() async throws {
        state.withLock { $0.flushes += 1 }
    }

    public func close() async {
        state.withLock { $0.closed = true }
    }

    /// The items exported so far, in export order.
    public var items: [Item] { state.withLock { $0.items } }

    /// How many items were exported so far.
    public var count: Int { state.withLock { $0.items.count } }

    /// How many times ``export(_:)`` was called, failures included.
    public var attempts: Int { state.withLock { $0.attempts } }

    /// How many times ``flush()`` was called.
    public var flushCount: Int { state.withLock { $0.flushes } }

    /// True once ``close()`` has been called.
    public var isClosed: Bool { state.withLock { $0.closed } }

    /// Waits until at least `count` items have been exported; false if that did not happen within `timeout`
    /// (a generous bound, so that a broken test fails instead of hanging).
    public func waitForCount(_ count: Int, timeout: Duration = .seconds(10)) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while self.count < count {
            guard clock.now < deadline, (try? await Task.sleep(for: .milliseconds(1))) != nil else { return false }
        }
        return true
    }
}

/// The failure ``InMemorySink`` injects.
public enum InMemorySinkError: Error, Hashable, Sendable {
    /// The export call numbered `attempt` (from 1) failed on purpose.
    case injectedFailure(attempt: Int)
}
