import ExporterRuntime
import Testing

@Suite struct InstrumentScopeTests {
    @Test func nestedScopesCarryParentAndRootUUIDs() async throws {
        let (hub, collector) = try InstrumentEventCollector.hub()
        let result = await hub.bind {
            await Instrument.agent("bot", input: "hi") { agent in
                #expect(Instrument.currentScope == agent.context)
                let inner = await Instrument.scope("plan", input: ["step": 1]) { plan in
                    plan.addMetadata("attempts", 2)
                    return await Instrument.scope(.task, "subtask") { _ in "done" }
                }
                agent.setOutput(["answer": .string(inner)])
                return inner
            }
        }
        #expect(result == "done")
        #expect(Instrument.currentScope == nil)

        let events = collector.events
        #expect(events.map(\.phase) == [.start, .start, .start, .end, .end, .end])
        #expect(events.map(\.name) == ["bot", "plan", "subtask", "subtask", "plan", "bot"])
        #expect(events.map(\.category) == [.agent, .function, .task, .task, .function, .agent])
        let (agent, plan, subtask) = (events[0], events[1], events[2])
        #expect(agent.parentUUID == nil)
        #expect(agent.rootUUID == agent.uuid)
        #expect(plan.parentUUID == agent.uuid)
        #expect(subtask.parentUUID == plan.uuid)
        #expect(events.allSatisfy { $0.rootUUID == agent.uuid })
        #expect(events[3].uuid == subtask.uuid && events[4].uuid == plan.uuid && events[5].uuid == agent.uuid)
        #expect(plan.input == ["step": 1])
        #expect(events[3].output == "done")
        #expect(events[4].output == "done")
        #expect(events[4].metadata == ["attempts": 2])
        #expect(events[5].output == ["answer": "done"])
        #expect(events[5].startTimestamp == agent.timestamp)
        #expect(events.allSatisfy { $0.status == .ok })
    }

    @Test func sessionAndUserAreWrittenOnceAndInheritedBySpans() async throws {
        let (hub, collector) = try InstrumentEventCollector.hub()
        await hub.bind {
            await Instrument.agent("bot", sessionID: "s-7", userID: "u-3", metadata: ["env": "test"]) { _ in
                await Instrument.scope("step") { _ in }
            }
        }
        let events = collector.events
        #expect(events[0].metadata == ["env": "test", "session.id": "s-7", "user.id": "u-3"])
        #expect(events[1].metadata.isEmpty)

        var builder = SpanBuilder()
        var spans: [Span] = []
        for event in events { try await builder.process(event) { spans.append($0) } }
        #expect(spans.map(\.name) == ["step", "bot"])
        #expect(spans.allSatisfy { $0.sessionID == "s-7" && $0.userID == "u-3" })
    }

    @Test func concurrentChildrenNeverMixParents() async throws {
        let (hub, collector) = try InstrumentEventCollector.hub()
        let agentUUID = await hub.bind {
            await Instrument.agent("fan-out") { agent in
                await withTaskGroup(of: Void.self) { group in
                    for index in 0..<50 {
                        group.addTask {
                            await Instrument.scope("worker-\(index)") { worker in
                                await Task.yield()
                                await Instrument.scope("inner-\(index)") { _ in
                                    #expect(Instrument.currentScope?.rootUUID == worker.rootUUID)
                                    Instrument.mark("tick-\(index)")
                                }
                            }
                        }
                    }
                }
                return agent.uuid
            }
        }
        let events = collector.events
        #expect(events.count == 2 + 50 * 5)
        let byName = Dictionary(
            events.filter { $0.phase != .end }.map { ($0.name, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        for index in 0..<50 {
            let worker = try #require(byName["worker-\(index)"])
            let inner = try #require(byName["inner-\(index)"])
            let tick = try #require(byName["tick-\(index)"])
            #expect(worker.parentUUID == agentUUID)
            #expect(inner.parentUUID == worker.uuid)
            #expect(tick.parentUUID == inner.uuid)
            #expect(tick.rootUUID == agentUUID)
        }
        #expect(Set(events.map(\.uuid)).count == 1 + 50 * 3)
    }

    @Test func errorEndsTheScopeWithItsTypeAndIsRethrown() async throws {
        let (hub, collector) = try InstrumentEventCollector.hub()
        await #expect(throws: InstrumentTestFailure.self) {
            try await hub.bind {
                try await Instrument.scope(.tool, "fragile") { _ in
                    throw InstrumentTestFailure()
                }
            }
        }
        let end = try #require(collector.events.last)
        #expect(end.phase == .end)
        #expect(end.status == .error(type: "ExporterRuntimeTests.InstrumentTestFailure", message: "the tool broke"))
    }

    @Test func cancellationIsRecordedAsCancellationError() async throws {
        let (hub, collector) = try InstrumentEventCollector.hub()
        let (started, signal) = AsyncStream.makeStream(of: Void.self)
        let task = Task {
            try await hub.bind {
                try await Instrument.scope("waiting") { _ in
                    signal.yield()
                    try await Task.sleep(for: .seconds(600))
                }
            }
        }
        for await _ in started { break }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        let end = try #require(collector.events.last)
        #expect(end.phase == .end)
        #expect(end.status == .error(type: "CancellationError", message: "cancelled"))
    }

    @Test func cancellationSwallowedByTheBodyIsStillRecorded() async throws {
        let (hub, collector) = try InstrumentEventCollector.hub()
        let (started, signal) = AsyncStream.makeStream(of: Void.self)
        let task = Task {
            await hub.bind {
                await Instrument.scope("patient") { scope in
                    signal.yield()
                    // The body catches the cancellation and returns normally, as a lot of code does.
                    let slept = (try? await Task.sleep(for: .seconds(600))) != nil
                    scope.setOutput(slept ? "slept" : "woken")
                    return slept
                }
            }
        }
        for await _ in started { break }
        task.cancel()
        #expect(await task.value == false)
        let end = try #require(collector.events.last)
        #expect(end.phase == .end && end.name == "patient")
        #expect(end.status == .error(type: "CancellationError", message: "cancelled"))
        #expect(end.output == "woken")

        // An uncancelled scope still ends `.ok`.
        await hub.bind { await Instrument.scope("calm") { _ in } }
        #expect(collector.events.last?.status == .ok)
    }

    @Test func functionAncestryIsTheEnclosingFunctionAsInTheToolkit() async throws {
        let (hub, collector) = try InstrumentEventCollector.hub()
        await hub.bind {
            await Instrument.agent("workflow") { _ in
                await Instrument.scope("outer") { _ in
                    await Instrument.llm(model: "m", input: "q") { call in call.chunk("t") }
                    await Instrument.scope("inner") { _ in Instrument.mark("here") }
                    await withTaskGroup(of: Void.self) { group in
                        group.addTask { await Instrument.tool("lookup", arguments: [:]) { _ in } }
                    }
                }
            }
        }
        func ancestry(_ name: String, _ phase: EventPhase = .start) throws -> JSONValue? {
            let event = try #require(collector.events.first { $0.name == name && $0.phase == phase })
            return event.extensions["intermediate_step"]?["function_ancestry"]
        }
        let uuid = Dictionary(collector.events.map { ($0.name, $0.uuid) }, uniquingKeysWith: { first, _ in first })
        let root: JSONValue = [
            "function_id": "root", "function_name": "root", "parent_id": .null, "parent_name": .null,
        ]
        let outer: JSONValue = [
            "function_id": .string(uuid["outer"] ?? ""), "function_name": "outer", "parent_id": "root",
            "parent_name": "root",
        ]
        let inner: JSONValue = [
            "function_id": .string(uuid["inner"] ?? ""), "function_name": "inner",
            "parent_id": .string(uuid["outer"] ?? ""), "parent_name": "outer",
        ]
        #expect(try ancestry("workflow") == root)
        #expect(try ancestry("workflow", .end) == root)
        #expect(try ancestry("outer") == outer)
        #expect(try ancestry("outer", .end) == outer)
        #expect(try ancestry("m") == outer)
        #expect(try ancestry("m", .chunk) == outer)
        #expect(try ancestry("m", .end) == outer)
        #expect(try ancestry("inner") == inner)
        #expect(try ancestry("here", .mark) == inner)
        #expect(try ancestry("lookup") == outer)

        // The IntermediateStep writer puts it on the line; a mark outside any scope gets the root node.
        let line = try JSONParser().parse(IntermediateStepCodec.encode(collector.events[2]))
        #expect(line["function_ancestry"] == outer)
        let (otherHub, other) = try InstrumentEventCollector.hub()
        await otherHub.bind { Instrument.mark("alone") }
        #expect(other.events.first?.extensions["intermediate_step"]?["function_ancestry"] == root)
    }

    @Test func marksGoUnderTheCurrentScopeOrStandAlone() async throws {
        let (hub, collector) = try InstrumentEventCollector.hub()
        await hub.bind {
            Instrument.mark("boot", data: ["version": 2])
            await Instrument.scope("step") { _ in Instrument.mark("halfway") }
        }
        let events = collector.events
        let boot = events[0]
        #expect(boot.phase == .mark)
        #expect(boot.parentUUID == nil && boot.rootUUID == boot.uuid)
        #expect(boot.chunk == ["version": 2])
        #expect(boot.input == nil && boot.output == nil)
        // Both formats carry the data where their readers look: ATOF's `data`, the toolkit's `data.chunk`.
        let atof = try JSONParser().parse(ATOFCodec.encode(boot))
        #expect(atof["kind"] == "mark" && atof["data"] == ["version": 2])
        #expect(atof["canonical"]?["input"] == nil)
        #expect(try ATOFCodec.decode(atof).chunk == ["version": 2])
        let step = try JSONParser().parse(IntermediateStepCodec.encode(boot))
        #expect(step["payload"]?["event_type"] == "SPAN_CHUNK")
        #expect(
            step["payload"]?["data"] == ["input": .null, "output": .null, "chunk": ["version": 2], "payload": .null]
        )
        let halfway = events[2]
        #expect(halfway.phase == .mark && halfway.name == "halfway")
        #expect(halfway.parentUUID == events[1].uuid)
        #expect(halfway.rootUUID == events[1].uuid)
    }

    @Test func eventsGoToTheBoundHubOnly() async throws {
        let (hub, collector) = try InstrumentEventCollector.hub()
        let outside = InstrumentEventCollector()
        let otherHub = EventHub()
        try otherHub.register("outside", outside)
        await hub.bind { await Instrument.scope("mine") { _ in } }
        await otherHub.bind { Instrument.mark("theirs") }
        #expect(collector.events.map(\.name) == ["mine", "mine"])
        #expect(outside.events.map(\.name) == ["theirs"])
    }
}
