import ExporterRuntime
import Testing

@Suite struct SpanBuilderTests {
    private typealias F = SpanFixtures
    private let root = "11111111-1111-4111-8111-111111111111"
    private let child = "22222222-2222-4222-8222-222222222222"
    private let grandchild = "33333333-3333-4333-8333-333333333333"

    @Test func coherentRunBuildsNestedSpansChildrenFirst() async throws {
        let chunk = AgentEvent(
            uuid: grandchild,
            parentUUID: child,
            rootUUID: root,
            phase: .chunk,
            category: .llm,
            name: "gpt",
            timestamp: F.time(4),
            chunk: "tok"
        )
        let mark = F.event(
            .mark,
            "44444444-4444-4444-8444-444444444444",
            parent: child,
            root: root,
            name: "checkpoint",
            at: 6
        )
        let events = [
            F.event(
                .start,
                root,
                category: .agent,
                name: "agent",
                at: 1,
                metadata: ["display_name": "Support bot", "session.id": "s-1"]
            ),
            F.event(.start, child, parent: root, root: root, name: "plan", at: 2),
            F.event(.start, grandchild, parent: child, root: root, category: .llm, name: "gpt", at: 3),
            chunk,
            F.event(.end, grandchild, parent: child, root: root, category: .llm, name: "gpt", at: 5),
            mark,
            F.event(
                .end,
                child,
                parent: root,
                root: root,
                name: "plan",
                at: 7,
                status: .error(type: "E", message: "m")
            ),
            F.event(.end, root, category: .agent, name: "agent", at: 8),
        ]
        var builder = SpanBuilder()
        let spans = try await F.build(events, builder: &builder)

        #expect(spans.map(\.uuid) == [grandchild, child, root])
        let trace = TraceID(deriving: root)
        #expect(spans.allSatisfy { $0.traceID == trace && $0.rootUUID == root })
        #expect(spans[0].parentSpanID == SpanID(deriving: child))
        #expect(spans[1].parentSpanID == SpanID(deriving: root))
        #expect(spans[2].parentSpanID == nil)
        #expect(spans[0].events == [chunk])
        #expect(spans[1].events == [mark])
        #expect(spans[1].status == .error(type: "E", message: "m"))
        #expect(spans[2].name == "Support bot")
        #expect(spans[0].name == "gpt")
        #expect(spans[0].start == F.time(3) && spans[0].end == F.time(5))
        #expect(spans.allSatisfy { $0.sessionID == "s-1" && !$0.isUnfinished && $0.origin == .scope })
        #expect(builder.statistics["spans_emitted"] == 3)
        #expect(builder.statistics["spans_open"] == 0)
        #expect(builder.statistics.keys.allSatisfy { !$0.hasPrefix("anomaly.") })
    }

    @Test("span names follow the toolkit: display_name, then provided_metadata.display_name, then the event name")
    func spanNamesFollowTheToolkitsOrder() async throws {
        let provided: JSONObject = ["provided_metadata": ["display_name": "Library Q&A"]]
        let both: JSONObject = ["display_name": "Own", "provided_metadata": ["display_name": "Toolkit's"]]
        let events = [
            F.event(.start, root, category: .agent, name: "workflow", at: 1, metadata: provided),
            F.event(.start, child, parent: root, name: "step", at: 2, metadata: both),
            F.event(.start, grandchild, parent: child, name: "plain", at: 3),
            F.event(.end, grandchild, parent: child, name: "plain", at: 4),
            F.event(.end, child, parent: root, name: "step", at: 5),
            F.event(.end, root, category: .agent, name: "workflow", at: 6),
        ]
        let spans = try await F.build(events)
        #expect(spans.map(\.name) == ["plain", "Own", "Library Q&A"])
    }

    @Test func idsAreTheSameWhateverBuilderSeesTheEvents() async throws {
        let events = [
            F.event(.start, root, at: 1), F.event(.start, child, parent: root, at: 2),
            F.event(.end, child, parent: root, at: 3), F.event(.end, root, at: 4),
        ]
        let first = try await F.build(events)
        let second = try await F.build(events)
        #expect(first.map(\.spanID) == second.map(\.spanID))
        #expect(first.map(\.traceID) == second.map(\.traceID))
        #expect(first[0].spanID.description == "8222222222222222")
        #expect(first[0].traceID.description == "11111111111141118111111111111111")
    }

    @Test func endWithoutStartIsCountedAndStillExported() async throws {
        var end = F.event(.end, child, parent: root, root: root, name: "orphan", at: 9)
        end.startTimestamp = F.time(7)
        end.output = "result"
        var builder = SpanBuilder()
        let spans = try await F.build([end], builder: &builder)

        let span = try #require(spans.first)
        #expect(spans.count == 1)
        #expect(span.origin == .endWithoutStart)
        #expect(span.start == F.time(7) && span.end == F.time(9))
        #expect(span.output == "result")
        #expect(span.traceID == TraceID(deriving: root))
        #expect(span.parentSpanID == SpanID(deriving: root))
        #expect(builder.statistics["anomaly.end_without_start"] == 1)
        #expect(builder.statistics["anomaly.unknown_parent"] == nil)
    }

    @Test func endWithoutStartTimestampIsZeroLength() async throws {
        let spans = try await F.build([F.event(.end, child, at: 5)])
        #expect(spans.first?.start == F.time(5))
        #expect(spans.first?.durationNanoseconds == 0)
    }

    @Test func unknownParentIsCountedAndParentedByDerivation() async throws {
        var builder = SpanBuilder()
        let events = [
            F.event(.start, grandchild, parent: child, root: root, at: 1),
            F.event(.end, grandchild, parent: child, root: root, at: 2),
        ]
        let spans = try await F.build(events, builder: &builder)
        #expect(spans.count == 1)
        #expect(spans[0].parentSpanID == SpanID(deriving: child))
        #expect(spans[0].traceID == TraceID(deriving: root))
        #expect(builder.statistics["anomaly.unknown_parent"] == 1)
    }

    @Test func childOfRecentlyClosedParentJoinsItsTrace() async throws {
        var builder = SpanBuilder()
        let events = [
            F.event(.start, root, at: 1), F.event(.end, root, at: 2),
            F.event(.start, child, parent: root, at: 3), F.event(.end, child, parent: root, at: 4),
        ]
        let spans = try await F.build(events, builder: &builder)
        #expect(spans.map(\.uuid) == [root, child])
        #expect(spans[1].traceID == TraceID(deriving: root))
        #expect(builder.statistics["anomaly.unknown_parent"] == nil)
    }

    @Test func openSpansAtFinishAreExportedUnfinishedInnermostFirst() async throws {
        var builder = SpanBuilder()
        let events = [
            F.event(.start, root, at: 1),
            F.event(.start, child, parent: root, at: 2),
            F.event(.start, grandchild, parent: child, at: 3),
            F.event(.chunk, child, parent: root, at: 10),
        ]
        let spans = try await F.build(events, finishing: true, builder: &builder)
        #expect(spans.map(\.uuid) == [grandchild, child, root])
        #expect(spans.allSatisfy { $0.isUnfinished && $0.endEvent == nil && $0.status == .ok })
        #expect(spans.allSatisfy { $0.end == F.time(10) })
        #expect(spans[1].events.count == 1)
        #expect(builder.statistics["spans_unfinished"] == 3)
        #expect(builder.statistics["spans_open"] == 0)
    }

    @Test func markWithoutOpenParentBecomesItsOwnZeroLengthSpan() async throws {
        let mark = F.event(.mark, "55555555-5555-4555-8555-555555555555", name: "boot", at: 4)
        let spans = try await F.build([mark])
        let span = try #require(spans.first)
        #expect(span.origin == .mark)
        #expect(span.name == "boot")
        #expect(span.start == span.end)
        #expect(span.parentSpanID == nil)
        #expect(span.traceID == TraceID(deriving: mark.uuid))
    }

    @Test func duplicatesAndLateEventsAreCounted() async throws {
        var builder = SpanBuilder()
        let events = [
            F.event(.start, root, at: 1),
            F.event(.start, root, at: 2),
            F.event(.end, root, at: 3),
            F.event(.end, root, at: 4),
            F.event(.chunk, root, at: 5),
            F.event(.chunk, child, at: 6),
        ]
        let spans = try await F.build(events, builder: &builder)
        #expect(spans.count == 1)
        #expect(spans[0].events.count == 1)
        let statistics = builder.statistics
        #expect(statistics["anomaly.duplicate_start"] == 1)
        #expect(statistics["anomaly.duplicate_end"] == 1)
        #expect(statistics["anomaly.late_event"] == 1)
        #expect(statistics["anomaly.unknown_scope"] == 1)
    }

    @Test func spanEventsAreBoundedAndTheRestCounted() async throws {
        var builder = SpanBuilder(maxEventsPerSpan: 2)
        let chunks = (2..<7).map { F.event(.chunk, root, at: Int64($0)) }
        let spans = try await F.build(
            [F.event(.start, root, at: 1)] + chunks + [F.event(.end, root, at: 8)],
            builder: &builder
        )
        #expect(spans[0].events.count == 2)
        #expect(spans[0].droppedEventCount == 3)
        #expect(builder.statistics["span_events_dropped"] == 3)
    }

    @Test func closedScopesAreForgottenBeyondTheWindow() async throws {
        var builder = SpanBuilder(recentlyClosedCapacity: 2)
        let uuids = (0..<3).map { "scope-\($0)" }
        let events = uuids.flatMap { [F.event(.start, $0, at: 1), F.event(.end, $0, at: 2)] }
        _ = try await F.build(events + [F.event(.start, "late", parent: uuids[0], at: 3)], builder: &builder)
        // scope-0 fell out of the window: its late child counts as having an unknown parent.
        #expect(builder.statistics["anomaly.unknown_parent"] == 1)
        #expect(builder.statistics["spans_open"] == 1)
    }

    @Test func accessorsMergeStartAndEnd() async throws {
        var start = F.event(.start, root, category: .llm, name: "gpt", at: 1, metadata: ["a": 1, "b": 1])
        start.input = "question"
        start.modelName = "gpt-4o"
        start.tags = ["x"]
        var end = F.event(.end, root, category: .llm, name: "gpt", at: 2, metadata: ["b": 2])
        end.output = "answer"
        end.tokenUsage = TokenUsage(prompt: 3, completion: 4)
        end.tags = ["x", "y"]
        let span = try #require(try await F.build([start, end]).first)
        #expect(span.input == "question")
        #expect(span.output == "answer")
        #expect(span.modelName == "gpt-4o")
        #expect(span.tokenUsage?.totalTokens == 7)
        #expect(span.metadata == ["a": 1, "b": 2])
        #expect(span.tags == ["x", "y"])
    }
}
