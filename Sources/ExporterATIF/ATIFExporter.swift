import ExporterEvents
import Synchronization

/// An in-process ATIF exporter, the counterpart of NeMo Flow's `AtifExporter`: register it on a hub, run
/// instrumented work, then export the collected trajectories.
///
/// ```swift
/// let exporter = ATIFExporter(agent: ATIFAgentInfo(name: "agent", version: "1.0.0", modelName: "demo-model"))
/// try EventHub.global.register("atif-exporter", exporter)
/// // ... instrumented work ...
/// let trajectories = exporter.export()
/// EventHub.global.deregister("atif-exporter")
/// exporter.clear()
/// ```
///
/// It collects events until ``export(rootUUID:)``/``exportJSON(rootUUID:)`` (which leave them in place) or
/// ``clear()`` (which ends the collection window), and builds one trajectory per root scope with a
/// ``TrajectoryBuilder``; pass a root uuid to separate concurrent runs that share the exporter. Runs whose root
/// scope has not ended yet are exported too, with `notes` saying they are unfinished.
///
/// Memory: every event of the window is kept, payloads included. Prefer one exporter per run or bounded
/// windows (export, then ``clear()``); a long-lived exporter that is never cleared grows without limit. For
/// long-running services, use the `atif` workflow exporter, which writes each trajectory when its run ends and
/// forgets it.
public final class ATIFExporter: EventSubscriber {
    /// The `agent` of every trajectory.
    public let agent: ATIFAgentInfo
    /// The `session_id` of every trajectory, or nil for each run's own (its `session.id`, else its root uuid).
    public let sessionID: String?
    private let events = Mutex<[AgentEvent]>([])

    /// Creates an exporter with an empty collection window.
    public init(sessionID: String? = nil, agent: ATIFAgentInfo) {
        self.sessionID = sessionID
        self.agent = agent
    }

    /// Collects one event (never blocks beyond a short lock).
    public func receive(_ event: AgentEvent) {
        events.withLock { $0.append(event) }
    }

    /// The number of events in the current window.
    public var eventCount: Int {
        events.withLock { $0.count }
    }

    /// The trajectories of the current window, in the order their runs began: only the run whose root scope is
    /// `rootUUID` when given. The window is left as it is.
    public func export(rootUUID: String? = nil) -> [ATIFTrajectory] {
        let collected = events.withLock { $0 }
        // Every event goes through the builder, even with a filter: lineage of toolkit traces (no root uuid on
        // the events) is only known by following parents.
        var builder = TrajectoryBuilder(agent: agent, sessionID: sessionID)
        var startOrder: [String: Int] = [:]
        var built: [(root: String, trajectory: ATIFTrajectory)] = []
        for event in collected {
            let root = builder.rootUUID(of: event)
            if startOrder[root] == nil { startOrder[root] = startOrder.count }
            if let trajectory = builder.consume(event) { built.append((root, trajectory)) }
        }
        built += builder.finishAllKeyed()
        return
            built
            .filter { rootUUID == nil || $0.root == rootUUID }
            .sorted { startOrder[$0.root, default: 0] < startOrder[$1.root, default: 0] }
            .map(\.trajectory)
    }

    /// ``export(rootUUID:)`` as compact JSON: an array of trajectory objects (empty when nothing was collected).
    public func exportJSON(rootUUID: String? = nil) -> String {
        ATIFTrajectory.jsonArray(export(rootUUID: rootUUID))
    }

    /// Ends the collection window: forgets every collected event.
    public func clear() {
        events.withLock { $0.removeAll() }
    }
}
