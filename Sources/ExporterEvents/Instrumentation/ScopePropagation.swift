import Synchronization

/// A second carrier of the current scope, beside ``Instrument``'s own task-local: the ExporterTracing bridge
/// installs one that keeps the scope in swift-distributed-tracing's `ServiceContext`, so that a `withSpan` of a
/// library inside a tool call and an agent run inside a library's `withSpan` nest, whichever side started first.
///
/// Once installed, that carrier is the single source of truth for the parent of a new scope, because both kinds of
/// span set it: library spans through `withSpan`, ours through ``Instrument`` (which calls ``withScope``).
package protocol ScopePropagation: Sendable {
    /// The innermost open scope, ours or a library's, or nil when the carrier holds none.
    func currentScope() -> ScopeContext?

    /// The caller's span that the current context continues (an extracted W3C `traceparent`) when no span of this
    /// process is open in it: a root scope opened now continues the caller's trace.
    func currentRemoteParent() -> TracerSpanFields.SpanReference?

    /// Runs `operation` with `scope` as the carrier's current scope.
    func withScope<Result>(
        _ scope: ScopeContext,
        isolation: isolated (any Actor)?,
        operation: () async throws -> Result
    ) async rethrows -> Result
}

/// The installed ``ScopePropagation``, if any. Not installed, it costs a scope one relaxed atomic load of a flag:
/// the agent's emit path does not change unless a bridge is bootstrapped.
package enum ScopePropagationSlot {
    private static let isInstalled = Atomic<Bool>(false)
    private static let installed = Mutex<(any ScopePropagation)?>(nil)

    /// The installed propagation, or nil (the common, unbridged case, decided without taking the lock).
    package static var current: (any ScopePropagation)? {
        guard isInstalled.load(ordering: .relaxed) else { return nil }
        return installed.withLock { $0 }
    }

    /// Installs `propagation` for every scope started from now on (the last installation wins); nil removes it.
    package static func install(_ propagation: (any ScopePropagation)?) {
        installed.withLock { $0 = propagation }
        isInstalled.store(propagation != nil, ordering: .releasing)
    }
}
