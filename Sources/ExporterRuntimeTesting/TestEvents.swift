import ExporterEvents

/// Canned, coherent event sequences for tests.
public enum TestEvents {
    /// 2023-11-14T22:13:20Z: a fixed start, so that sequences are reproducible.
    public static let defaultStart = Timestamp(nanosecondsSinceEpoch: 1_700_000_000_000_000_000)

    /// One workflow run: workflow start → function start → per turn (LLM start, `chunksPerCall` chunks, LLM end
    /// with ``TokenUsage``, tool start, tool end) → function end → workflow end.
    ///
    /// Uuids derive from `root` (`root`, `root.fn`, `root.llm<turn>`, `root.tool<turn>`), every event carries
    /// `rootUUID == root` and its enclosing scope as parent, end events carry their start's timestamp, and
    /// timestamps advance by one millisecond per event from `start`.
    public static func run(
        root: String = "run",
        turns: Int = 1,
        chunksPerCall: Int = 2,
        model: String = "test-model",
        tool: String = "search",
        start: Timestamp = defaultStart
    ) -> [AgentEvent] {
        var sequence = Recorder(root: root, clock: start)
        let functionID = "\(root).fn"
        let workflowStart = sequence.add(
            uuid: root,
            parent: nil,
            phase: .start,
            category: .agent,
            name: root,
            input: "question"
        )
        let functionStart = sequence.add(
            uuid: functionID,
            parent: root,
            phase: .start,
            category: .function,
            name: "\(root)_function"
        )
        for turn in 0..<max(0, turns) {
            let llmID = "\(root).llm\(turn)"
            let llmStart = sequence.add(
                uuid: llmID,
                parent: functionID,
                phase: .start,
                category: .llm,
                name: model,
                input: .string("prompt \(turn)"),
                modelName: model
            )
            for chunk in 0..<max(0, chunksPerCall) {
                sequence.add(
                    uuid: llmID,
                    parent: functionID,
                    phase: .chunk,
                    category: .llm,
                    name: model,
                    chunk: .string("token \(chunk)"),
                    modelName: model
                )
            }
            sequence.add(
                uuid: llmID,
                parent: functionID,
                phase: .end,
                category: .llm,
                name: model,
                startedAt: llmStart,
                output: .string("answer \(turn)"),
                modelName: model,
                tokenUsage: TokenUsage(prompt: 100 + turn, completion: 20 + turn, cached: 10, reasoning: 5)
            )
            let toolID = "\(root).tool\(turn)"
            let toolStart = sequence.add(
                uuid: toolID,
                parent: functionID,
                phase: .start,
                category: .tool,
                name: tool,
                input: .string("query \(turn)"),
                toolCallID: "call-\(turn)"
            )
            sequence.add(
                uuid: toolID,
                parent: functionID,
                phase: .end,
                category: .tool,
                name: tool,
                startedAt: toolStart,
                output: .string("result \(turn)"),
                toolCallID: "call-\(turn)"
            )
        }
        sequence.add(
            uuid: functionID,
            parent: root,
            phase: .end,
            category: .function,
            name: "\(root)_function",
            startedAt: functionStart,
            output: "done"
        )
        sequence.add(
            uuid: root,
            parent: nil,
            phase: .end,
            category: .agent,
            name: root,
            startedAt: workflowStart,
            output: "final answer"
        )
        return sequence.events
    }

    /// `count` independent mark events named `prefix` with uuids `prefix-0`, `prefix-1`, …, one microsecond
    /// apart: the cheapest sequence whose order and origin a test can check.
    public static func marks(count: Int, prefix: String = "event", start: Timestamp = defaultStart) -> [AgentEvent] {
        (0..<max(0, count)).map { index in
            AgentEvent(
                uuid: "\(prefix)-\(index)",
                rootUUID: prefix,
                phase: .mark,
                category: .custom("test"),
                name: prefix,
                timestamp: start.advanced(byNanoseconds: Int64(index) * 1_000)
            )
        }
    }

    /// The index `marks(count:prefix:)` gave `event`, or nil if it is not such a mark of `prefix`.
    public static func markIndex(_ event: AgentEvent, prefix: String = "event") -> Int? {
        guard event.uuid.hasPrefix(prefix + "-") else { return nil }
        return Int(event.uuid.dropFirst(prefix.count + 1))
    }

    private struct Recorder {
        let root: String
        var clock: Timestamp
        var events: [AgentEvent] = []

        /// Appends an event and returns its timestamp.
        @discardableResult
        mutating func add(
            uuid: String,
            parent: String?,
            phase: EventPhase,
            category: EventCategory,
            name: String,
            startedAt: Timestamp? = nil,
            input: JSONValue? = nil,
            output: JSONValue? = nil,
            chunk: JSONValue? = nil,
            modelName: String? = nil,
            toolCallID: String? = nil,
            tokenUsage: TokenUsage? = nil
        ) -> Timestamp {
            let timestamp = clock
            events.append(
                AgentEvent(
                    uuid: uuid,
                    parentUUID: parent,
                    rootUUID: root,
                    phase: phase,
                    category: category,
                    name: name,
                    timestamp: timestamp,
                    startTimestamp: startedAt,
                    input: input,
                    output: output,
                    chunk: chunk,
                    modelName: modelName,
                    toolCallID: toolCallID,
                    tokenUsage: tokenUsage
                )
            )
            clock = clock.advanced(byNanoseconds: 1_000_000)
            return timestamp
        }
    }
}
