/// An ATIF v1.6 trajectory (Agent Trajectory Interchange Format): the complete interaction history of one agent run.
///
/// The model holds exactly the v1.6 fields, so what it writes (``jsonValue``) is accepted by the reference model
/// (PyPI `nvidia-nat-atif==1.6.0`), which rejects unknown keys on every object. Optional fields that are nil are
/// left out of the JSON rather than written as `null`.
import ExporterEvents

public struct ATIFTrajectory: Sendable, Hashable {
    /// The `schema_version` every trajectory of this model declares.
    public static let schemaVersion = "ATIF-v1.6"

    /// `session_id` (required in v1.6): the run's identifier.
    public var sessionID: String
    /// `agent`: the agent system that produced the run.
    public var agent: ATIFAgent
    /// `steps`: the interaction history; `step_id`s run 1...n in order.
    public var steps: [ATIFStep]
    /// `notes`: free-form explanations (for example why `total_steps` differs from the number of steps).
    public var notes: String?
    /// `final_metrics`: totals over the whole run.
    public var finalMetrics: ATIFFinalMetrics?
    /// `continued_trajectory_ref`: the file that continues this trajectory.
    public var continuedTrajectoryRef: String?
    /// `extra`: custom root-level metadata.
    public var extra: JSONObject?

    /// Creates a trajectory.
    public init(
        sessionID: String,
        agent: ATIFAgent,
        steps: [ATIFStep],
        notes: String? = nil,
        finalMetrics: ATIFFinalMetrics? = nil,
        continuedTrajectoryRef: String? = nil,
        extra: JSONObject? = nil
    ) {
        self.sessionID = sessionID
        self.agent = agent
        self.steps = steps
        self.notes = notes
        self.finalMetrics = finalMetrics
        self.continuedTrajectoryRef = continuedTrajectoryRef
        self.extra = extra
    }
}

/// The `agent` object of a trajectory: which agent system ran.
public struct ATIFAgent: Sendable, Hashable {
    /// `name` (required).
    public var name: String
    /// `version` (required).
    public var version: String
    /// `model_name`: the default model of the run.
    public var modelName: String?
    /// `tool_definitions`: the tools available to the agent, as OpenAI function-calling schema objects.
    public var toolDefinitions: [JSONObject]?
    /// `extra`: custom agent configuration details.
    public var extra: JSONObject?

    /// Creates an agent description.
    public init(
        name: String,
        version: String,
        modelName: String? = nil,
        toolDefinitions: [JSONObject]? = nil,
        extra: JSONObject? = nil
    ) {
        self.name = name
        self.version = version
        self.modelName = modelName
        self.toolDefinitions = toolDefinitions
        self.extra = extra
    }
}
