/// What the trajectory builder knows about one run (one root scope) while its events arrive.
import ExporterEvents

struct ATIFRun {
    /// The root scope's id.
    let rootUUID: String
    /// The root scope's name, once its start has been seen.
    var rootName: String?
    /// The root agent scope's `session.id` metadata.
    var sessionID: String?
    /// Steps so far; `step_id`s are assigned when the trajectory is built.
    var steps: [ATIFStep] = []
    /// User texts already turned into steps (or already in the conversation), so repeats are not new turns.
    var seenUserTexts: Set<String> = []
    /// System prompts already turned into steps.
    var seenSystemTexts: Set<String> = []
    /// The first model any LLM call named.
    var firstModel: String?
    /// Distinct tool schemas announced by LLM calls, in order.
    var toolDefinitions: [JSONObject] = []
    /// Index of the step holding each tool call id.
    var stepOfToolCall: [String: Int] = [:]
    /// Tool call ids that already have an observation result.
    var answeredToolCalls: Set<String> = []
    /// Every scope id of the run, so the builder can forget them when the run is done.
    var memberUUIDs: [String] = []

    init(rootUUID: String) {
        self.rootUUID = rootUUID
    }

    /// Index of the latest agent step.
    var latestAgentStep: Int? {
        steps.lastIndex { $0.source == .agent }
    }

    /// Records a tool schema unless an equal one is known.
    mutating func addToolDefinition(_ definition: JSONObject) {
        if !toolDefinitions.contains(definition) { toolDefinitions.append(definition) }
    }

    /// The trajectory so far; nil when there is no step (ATIF needs at least one).
    func trajectory(agent info: ATIFAgentInfo, sessionID override: String?, notes: String?) -> ATIFTrajectory? {
        guard !steps.isEmpty else { return nil }
        var numbered = steps
        for index in numbered.indices { numbered[index].stepID = index + 1 }
        let agent = ATIFAgent(
            name: info.name ?? rootName ?? "agent",
            version: info.version,
            modelName: info.modelName ?? firstModel,
            toolDefinitions: info.toolDefinitions ?? (toolDefinitions.isEmpty ? nil : toolDefinitions),
            extra: info.extra
        )
        return ATIFTrajectory(
            sessionID: override ?? sessionID ?? rootUUID,
            agent: agent,
            steps: numbered,
            notes: notes,
            finalMetrics: ATIFFinalMetrics(summing: numbered)
        )
    }
}
