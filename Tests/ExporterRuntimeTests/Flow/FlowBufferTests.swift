import ExporterRuntime
import Testing

@Suite("FlowBuffer")
struct FlowBufferTests {
    @Test func keepsFIFOOrderAcrossWrapAround() {
        let buffer = BoundedBuffer<Int>(capacity: 7)
        var out: [Int] = []
        for round in 0..<5 {
            for value in 0..<3 { buffer.append(round * 3 + value) }
            buffer.drain(into: &out, max: 2)
        }
        buffer.drain(into: &out, max: 100)
        #expect(out == Array(0..<15))
        #expect(
            buffer.counters
                == {
                    var expected = BufferCounters()
                    expected.accepted = 15
                    expected.removed = 15
                    return expected
                }()
        )
    }

    @Test func dropNewestRefusesIncomingAndCountsEachDrop() {
        let buffer = BoundedBuffer<Int>(capacity: 3, overflowPolicy: .dropNewest)
        let outcomes = (0..<5).map { buffer.append($0) }
        #expect(outcomes == [.accepted, .accepted, .accepted, .refusedFull, .refusedFull])
        var out: [Int] = []
        buffer.drain(into: &out, max: 10)
        #expect(out == [0, 1, 2])
        #expect(buffer.counters.refused == 2)
        #expect(buffer.counters.dropped == 2)
        #expect(buffer.counters.offered == 5)
    }

    @Test func dropOldestEvictsHeadAndCountsEachDrop() {
        let buffer = BoundedBuffer<Int>(capacity: 3, overflowPolicy: .dropOldest)
        let outcomes = (0..<5).map { buffer.append($0) }
        #expect(outcomes == [.accepted, .accepted, .accepted, .acceptedEvictingOldest, .acceptedEvictingOldest])
        var out: [Int] = []
        buffer.drain(into: &out, max: 10)
        #expect(out == [2, 3, 4])
        #expect(buffer.counters.evicted == 2)
        #expect(buffer.counters.accepted == 5)
        #expect(buffer.counters.offered == 5)
    }

    @Test func closeRefusesAppendsButKeepsBufferedElements() async {
        let buffer = BoundedBuffer<Int>(capacity: 8)
        buffer.append(1)
        buffer.close()
        #expect(buffer.append(2) == .refusedClosed)
        #expect(await buffer.waitForElements() == .elementsAvailable)
        var out: [Int] = []
        buffer.drain(into: &out, max: 8)
        #expect(out == [1])
        #expect(await buffer.waitForElements() == .closed)
        #expect(buffer.counters.refusedAfterClose == 1)
    }

    @Test func capacityBelowOneIsRaisedToOne() {
        let buffer = BoundedBuffer<Int>(capacity: 0)
        #expect(buffer.capacity == 1)
        #expect(buffer.append(1) == .accepted)
        #expect(buffer.append(2) == .refusedFull)
    }

    @Test func producerWakesWaitingConsumer() async {
        let buffer = BoundedBuffer<Int>(capacity: 8)
        async let outcome = buffer.waitForElements()
        // The waiter may or may not be parked yet; either way the append must end the wait.
        buffer.append(7)
        #expect(await outcome == .elementsAvailable)
    }

    @Test func wakeBeforeWaitIsNotLost() async {
        let buffer = BoundedBuffer<Int>(capacity: 8)
        buffer.wakeConsumer()
        #expect(await buffer.waitForElements() == .woken)
    }

    @Test func waitEndsAtDeadline() async {
        let buffer = BoundedBuffer<Int>(capacity: 8)
        let outcome = await buffer.waitForElements(until: ContinuousClock.now.advanced(by: .milliseconds(20)))
        #expect(outcome == .deadlinePassed)
    }

    @Test func waitEndsOnCancellation() async {
        let buffer = BoundedBuffer<Int>(capacity: 8)
        let waiter = Task { await buffer.waitForElements() }
        waiter.cancel()
        #expect(await waiter.value == .cancelled)
    }

    @Test func manyProducersLoseNothingAndKeepPerProducerOrder() async {
        let buffer = BoundedBuffer<Int>(capacity: 40_000)
        await withTaskGroup(of: Void.self) { group in
            for producer in 0..<4 {
                group.addTask {
                    for value in 0..<10_000 { buffer.append(producer * 100_000 + value) }
                }
            }
        }
        var out: [Int] = []
        while buffer.drain(into: &out, max: 1_000) > 0 {}
        #expect(out.count == 40_000)
        for producer in 0..<4 {
            let mine = out.filter { $0 / 100_000 == producer }
            #expect(mine == (0..<10_000).map { producer * 100_000 + $0 })
        }
    }
}
