/// Turns lifecycle events into ATIF trajectories, one per root scope (normally the top-level agent scope).
///
/// Mapping:
/// - the root agent scope's input → a `user` step; an LLM call's input → a `system` step for a system prompt not
///   seen before and a `user` step for its last user message when that text is new to the run (a plain prompt
///   string counts as a user message);
/// - an LLM end → an `agent` step: the assistant message's text (`""` when it only calls tools), `model_name`,
///   `tool_calls` (arguments always objects: JSON-encoded strings are decoded, other values wrapped as
///   `{"input": value}`), `metrics` from the token usage (reasoning tokens in `metrics.extra`),
///   `reasoning_content` when the message has one; a failed call gets `extra.error`;
/// - a tool end → an observation result on the agent step that issued the call: matched by `toolCallID`, else
///   (toolkit traces carry none) by the most recent unanswered call of the same function. When neither matches,
///   the result goes to the latest agent step with a synthesized tool call (`tool_call_id` = the tool's call id,
///   else `call_<tool scope uuid>`; the tool's input as arguments) — or to a new, empty agent step when the run
///   has none — so that every `source_call_id` names a tool call of its own step; counted as
///   `anomaly.tool_call_synthesized`. Content is the output as text, structured outputs as compact JSON (nothing
///   dropped); a failed tool's content describes the error;
/// - the root agent scope's end → a final `agent` step with its output when that differs from the last answer.
///
/// Every step carries `extra.ancestry` (`function_id`/`function_name` = the event's scope id and name,
/// `parent_id`/`parent_name` = its parent's), the NeMo Relay lineage convention. `session_id` is the configured
/// one, else the root agent scope's `session.id` metadata, else the root scope's uuid.
///
/// As a pipeline stage it emits each trajectory when its root scope ends and, at ``finish(emit:)``, the unfinished
/// ones (with `notes` saying so). A run without any step produces nothing (ATIF needs at least one step).
import ExporterEvents

public struct TrajectoryBuilder: Processor {
    public typealias Input = AgentEvent
    public typealias Output = ATIFTrajectory

    /// The `agent` of every trajectory.
    public let agent: ATIFAgentInfo
    /// A `session_id` for every trajectory, overriding the per-run default.
    public let sessionID: String?

    var scopes: [String: ATIFScopeRecord] = [:]
    var runs: [String: ATIFRun] = [:]
    var runOrder: [String] = []
    var finishedRoots = ATIFRecentSet(capacity: 4096)
    var counters: [String: Double] = [:]

    /// Creates a builder.
    public init(agent: ATIFAgentInfo, sessionID: String? = nil) {
        self.agent = agent
        self.sessionID = sessionID
    }

    /// Takes one event; returns the finished trajectory when the event ends its root scope.
    public mutating func consume(_ event: AgentEvent) -> ATIFTrajectory? {
        guard event.phase != .mark else { return nil }
        let root = rootUUID(of: event)
        if runs[root] == nil {
            if finishedRoots.contains(root) { count("anomaly.event_after_root_end") }
            runs[root] = ATIFRun(rootUUID: root)
            runOrder.append(root)
        }
        switch event.phase {
        case .start: start(event, root: root)
        case .chunk: scopes[event.uuid]?.streamedText += event.chunk?.stringValue ?? ""
        case .end: end(event, root: root)
        case .mark: break
        }
        guard event.phase == .end, event.uuid == root else { return nil }
        return finishRun(root, notes: runNotes(ending: event))
    }

    /// Ends every run still open, in the order they began, and returns their trajectories marked unfinished.
    public mutating func finishAll() -> [ATIFTrajectory] {
        finishAllKeyed().map(\.trajectory)
    }

    /// ``finishAll()`` with the root uuid of each trajectory, for a caller that tracks runs by root (a transport
    /// settling each run's events when its trajectory is written).
    public mutating func finishAllKeyed() -> [(root: String, trajectory: ATIFTrajectory)] {
        let open = runOrder
        return open.compactMap { root in
            finishRun(root, notes: "unfinished: the root scope had not ended when the trajectory was exported")
                .map { (root, $0) }
        }
    }

    public mutating func process(_ item: AgentEvent, emit: (ATIFTrajectory) async throws -> Void) async throws {
        if let trajectory = consume(item) { try await emit(trajectory) }
    }

    /// Holds everything back: a trajectory is only complete when its root scope ends.
    public mutating func flush(emit: (ATIFTrajectory) async throws -> Void) async throws {}

    public mutating func finish(emit: (ATIFTrajectory) async throws -> Void) async throws {
        for trajectory in finishAll() { try await emit(trajectory) }
    }

    /// `trajectories`, `skipped_empty` and anomaly counters (`anomaly.tool_call_synthesized`,
    /// `anomaly.end_without_start`, `anomaly.event_after_root_end`).
    public var statistics: [String: Double] { counters }

    /// The run an event belongs to: its `rootUUID`, else its (known) parent's root, else its parent, else itself.
    /// Ask before ``consume(_:)``, which forgets the run's scopes when it ends.
    public func rootUUID(of event: AgentEvent) -> String {
        if let root = event.rootUUID { return root }
        if let known = scopes[event.uuid] { return known.root }
        guard let parent = event.parentUUID else { return event.uuid }
        return scopes[parent]?.root ?? parent
    }

    mutating func count(_ key: String) {
        counters[key, default: 0] += 1
    }

    private func runNotes(ending event: AgentEvent) -> String? {
        guard case .error(let type, let message) = event.status else { return nil }
        return "the run failed: \(type): \(message)"
    }

    private mutating func finishRun(_ root: String, notes: String?) -> ATIFTrajectory? {
        guard let run = runs.removeValue(forKey: root) else { return nil }
        if let index = runOrder.firstIndex(of: root) { runOrder.remove(at: index) }
        for uuid in run.memberUUIDs { scopes[uuid] = nil }
        finishedRoots.insert(root)
        guard let trajectory = run.trajectory(agent: agent, sessionID: sessionID, notes: notes) else {
            count("skipped_empty")
            return nil
        }
        count("trajectories")
        return trajectory
    }
}

/// What the builder remembers of an open (or ended, until its run is done) scope.
struct ATIFScopeRecord {
    var root: String
    var name: String
    var category: EventCategory
    var parentUUID: String?
    var input: JSONValue?
    var modelName: String?
    var toolCallID: String?
    var streamedText = ""
}

/// A bounded set of recently finished roots, so that late events are noticed without unbounded memory.
struct ATIFRecentSet {
    private var members: Set<String> = []
    private var order: [String] = []
    private var next = 0
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    func contains(_ member: String) -> Bool {
        members.contains(member)
    }

    mutating func insert(_ member: String) {
        guard !members.contains(member) else { return }
        if order.count < capacity {
            order.append(member)
        } else {
            members.remove(order[next])
            order[next] = member
            next = (next + 1) % capacity
        }
        members.insert(member)
    }
}
