/// The clocks, sleep and randomness a retrying sender uses, injectable so that tests are deterministic.
import ExporterEvents

public struct RetryEnvironment: Sendable {
    /// Monotonic time since an arbitrary origin; measures elapsed time against the deadline.
    public var uptime: @Sendable () -> Duration
    /// Wall-clock time; resolves `Retry-After` HTTP-dates and stamps dead letters.
    public var wallClock: @Sendable () -> Timestamp
    /// Waits between attempts; must throw `CancellationError` when the task is cancelled.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// A uniform draw in [0, 1) for the backoff jitter.
    public var unitRandom: @Sendable () -> Double

    /// Creates an environment from its parts.
    public init(
        uptime: @escaping @Sendable () -> Duration,
        wallClock: @escaping @Sendable () -> Timestamp,
        sleep: @escaping @Sendable (Duration) async throws -> Void,
        unitRandom: @escaping @Sendable () -> Double
    ) {
        self.uptime = uptime
        self.wallClock = wallClock
        self.sleep = sleep
        self.unitRandom = unitRandom
    }

    private static let origin = ContinuousClock.now

    /// The real clocks, `Task.sleep` and the system random number generator.
    public static let live = RetryEnvironment(
        uptime: { ContinuousClock.now - origin },
        wallClock: { Timestamp.now() },
        sleep: { try await Task.sleep(for: $0) },
        unitRandom: { Double.random(in: 0..<1) }
    )
}
