import Synchronization

/// A fixed-capacity FIFO queue between any number of emitting tasks and one consumer task.
///
/// ``append(_:)`` is the emit hot path: it takes one lock around a preallocated ring, never suspends, never
/// allocates, and resumes the waiting consumer (outside the lock) only when it makes the buffer non-empty. The
/// consumer takes many elements per lock with ``drain(into:max:)`` and waits with ``waitForElements(until:)``.
///
/// Every element that does not reach the consumer is counted exactly in ``counters``: when full, the
/// ``OverflowPolicy`` decides whether the incoming element is refused or the oldest one evicted; once
/// ``close()`` has been called, appends are refused and counted as `refusedAfterClose`, while what is already
/// buffered stays drainable.
public final class BoundedBuffer<Element: Sendable>: Sendable {
    /// How many elements the buffer holds at most (at least 1).
    public let capacity: Int
    /// What ``append(_:)`` does when the buffer is full.
    public let overflowPolicy: OverflowPolicy

    private let state: Mutex<State>

    /// Creates an empty buffer; a `capacity` below 1 is raised to 1 so that a configuration typo cannot make
    /// every event vanish.
    public init(capacity: Int, overflowPolicy: OverflowPolicy = .dropNewest) {
        self.capacity = max(1, capacity)
        self.overflowPolicy = overflowPolicy
        state = Mutex(State(capacity: self.capacity))
    }

    /// Adds `element` at the tail without blocking and says what became of it.
    @discardableResult
    public func append(_ element: Element) -> BufferAppendOutcome {
        let (outcome, waiter) = state.withLock { state -> (BufferAppendOutcome, Waiter?) in
            guard !state.closed else {
                state.counters.refusedAfterClose += 1
                return (.refusedClosed, nil)
            }
            var outcome = BufferAppendOutcome.accepted
            if state.count == state.slots.count {
                switch overflowPolicy {
                case .dropNewest:
                    state.counters.refused += 1
                    return (.refusedFull, nil)
                case .dropOldest:
                    state.slots[state.head] = nil
                    state.head = state.advanced(state.head)
                    state.count -= 1
                    state.counters.evicted += 1
                    outcome = .acceptedEvictingOldest
                }
            }
            state.slots[state.advanced(state.head, by: state.count)] = element
            state.count += 1
            state.counters.accepted += 1
            // The flag spares the hot path an Optional test on a continuation, whose layout is opaque here.
            return (outcome, state.hasWaiter ? state.takeWaiter() : nil)
        }
        // Resumed outside the lock so the consumer never wakes only to block on it.
        waiter?.continuation.resume(returning: .elementsAvailable)
        return outcome
    }

    /// Moves up to `max` elements, oldest first, to the end of `destination` and returns how many it moved.
    @discardableResult
    public func drain(into destination: inout [Element], max: Int) -> Int {
        state.withLock { state in
            let taken = Swift.min(Swift.max(0, max), state.count)
            for _ in 0..<taken {
                // Slots hold only elements in [head, head + count), so the slot is occupied.
                if let element = state.slots[state.head] { destination.append(element) }
                state.slots[state.head] = nil
                state.head = state.advanced(state.head)
            }
            state.count -= taken
            state.counters.removed += taken
            return taken
        }
    }

    /// Waits until the buffer holds elements, it is closed and empty, ``wakeConsumer()`` is called, `deadline`
    /// passes, or the waiting task is cancelled; returns at once if one of these already holds.
    ///
    /// Only one task (the consumer) may wait at a time.
    public func waitForElements(until deadline: ContinuousClock.Instant? = nil) async -> BufferWaitOutcome {
        if let ready = state.withLock({ $0.readiness() }) { return ready }
        if let deadline, deadline <= ContinuousClock.now { return .deadlinePassed }

        let ticket = state.withLock { state -> Int in
            state.nextTicket &+= 1
            return state.nextTicket
        }
        // An idle consumer with a deadline needs a timer; a busy one never gets here, so this costs nothing per
        // event.
        let timer = deadline.map { deadline in
            Task { [weak self] in
                guard (try? await Task.sleep(until: deadline, clock: .continuous)) != nil else { return }
                self?.interruptWait(ticket: ticket, with: .deadlinePassed)
            }
        }
        defer { timer?.cancel() }

        return await withTaskCancellationHandler {
            await withUnsafeContinuation { (continuation: UnsafeContinuation<BufferWaitOutcome, Never>) in
                let immediate = state.withLock { state -> BufferWaitOutcome? in
                    if let ready = state.readiness() { return ready }
                    if Task.isCancelled { return .cancelled }
                    state.waiter = Waiter(ticket: ticket, continuation: continuation)
                    return nil
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            interruptWait(ticket: ticket, with: .cancelled)
        }
    }

    /// Makes the consumer's current or next ``waitForElements(until:)`` return `.woken`, so that it looks at
    /// requests made outside the buffer (a flush). A wake-up with nobody waiting is remembered, never lost.
    public func wakeConsumer() {
        let waiter = state.withLock { state -> Waiter? in
            if let waiter = state.takeWaiter() { return waiter }
            state.pendingWake = true
            return nil
        }
        waiter?.continuation.resume(returning: .woken)
    }

    /// Refuses every further append; elements already buffered can still be drained. Idempotent.
    public func close() {
        let waiter = state.withLock { state -> Waiter? in
            state.closed = true
            return state.takeWaiter()
        }
        waiter?.continuation.resume(returning: .woken)
    }

    /// True once ``close()`` has been called.
    public var isClosed: Bool { state.withLock { $0.closed } }

    /// How many elements are buffered now.
    public var count: Int { state.withLock { $0.count } }

    /// The buffer's counters, consistent with each other.
    public var counters: BufferCounters { state.withLock { $0.counters } }

    private func interruptWait(ticket: Int, with outcome: BufferWaitOutcome) {
        let waiter = state.withLock { state -> Waiter? in
            guard state.waiter?.ticket == ticket else { return nil }
            return state.takeWaiter()
        }
        waiter?.continuation.resume(returning: outcome)
    }

    // An unsafe continuation (known layout, no per-event witness calls); every path that resumes it first takes
    // it out of the state under the lock, so it is resumed exactly once.
    private struct Waiter: Sendable {
        let ticket: Int
        let continuation: UnsafeContinuation<BufferWaitOutcome, Never>
    }

    private struct State: Sendable {
        var slots: [Element?]
        var head = 0
        var count = 0
        var closed = false
        var pendingWake = false
        var waiter: Waiter? {
            didSet { hasWaiter = waiter != nil }
        }
        var hasWaiter = false
        var nextTicket = 0
        var counters = BufferCounters()

        init(capacity: Int) {
            slots = Array(repeating: nil, count: capacity)
        }

        func advanced(_ index: Int, by distance: Int = 1) -> Int {
            let next = index + distance
            return next >= slots.count ? next - slots.count : next
        }

        mutating func takeWaiter() -> Waiter? {
            defer { waiter = nil }
            return waiter
        }

        /// Why a wait need not suspend, if there is a reason; consumes a pending wake-up.
        mutating func readiness() -> BufferWaitOutcome? {
            if count > 0 { return .elementsAvailable }
            if closed { return .closed }
            if pendingWake {
                pendingWake = false
                return .woken
            }
            return nil
        }
    }
}

/// What ``BoundedBuffer/append(_:)`` did with an element.
public enum BufferAppendOutcome: Sendable, Hashable {
    /// The element was buffered.
    case accepted
    /// The element was buffered and the oldest one evicted to make room (``OverflowPolicy/dropOldest``).
    case acceptedEvictingOldest
    /// The buffer was full and the element was refused (``OverflowPolicy/dropNewest``).
    case refusedFull
    /// The buffer was closed and the element was refused.
    case refusedClosed
}

/// Why ``BoundedBuffer/waitForElements(until:)`` returned.
public enum BufferWaitOutcome: Sendable, Hashable {
    /// The buffer holds elements.
    case elementsAvailable
    /// The buffer is closed and empty: nothing more will come.
    case closed
    /// ``BoundedBuffer/wakeConsumer()`` or ``BoundedBuffer/close()`` was called.
    case woken
    /// The deadline passed.
    case deadlinePassed
    /// The waiting task was cancelled.
    case cancelled
}

/// Exact counts of what happened to the elements offered to a ``BoundedBuffer``.
///
/// Identity: `accepted == removed + evicted + (elements still buffered)`; every offered element is either
/// accepted, `refused` or `refusedAfterClose`.
public struct BufferCounters: Sendable, Hashable {
    /// Elements that were buffered.
    public var accepted = 0
    /// Elements the consumer took with ``BoundedBuffer/drain(into:max:)``.
    public var removed = 0
    /// Buffered elements evicted by a newer one (``OverflowPolicy/dropOldest``).
    public var evicted = 0
    /// Elements refused because the buffer was full (``OverflowPolicy/dropNewest``).
    public var refused = 0
    /// Elements refused because the buffer was closed.
    public var refusedAfterClose = 0

    /// Every element offered to the buffer.
    public var offered: Int { accepted + refused + refusedAfterClose }

    /// Every element lost by the buffer: evicted or refused, full or closed.
    public var dropped: Int { evicted + refused + refusedAfterClose }

    /// Creates zero counters.
    public init() {}
}
