/// What a run's root scope says about the whole run: its trace id, conversation, user and run id. Every span of the
/// run carries them, as the toolkit's spans do.
///
/// Read from the root's metadata: the instrumentation API's keys (`session.id`, `user.id`, `workflow_trace_id`,
/// `workflow_run_id`), else the toolkit's WORKFLOW_START `provided_metadata` (`workflow_trace_id`,
/// `workflow_run_id`, `conversation_id`, `user_id`), which a replayed toolkit trace keeps as recorded.
struct RunIdentity: Sendable, Hashable {
    /// The run's own trace id (32 hex digits in the metadata), used instead of one derived from the root's uuid.
    var traceID: TraceID?
    var sessionID: String?
    var userID: String?
    var runID: String?

    init(rootMetadata metadata: JSONObject) {
        let provided = metadata["provided_metadata"]?.objectValue ?? [:]
        func string(_ key: String, toolkit toolkitKey: String) -> String? {
            metadata[key]?.stringValue ?? provided[toolkitKey]?.stringValue
        }
        traceID = string(MetadataKeys.workflowTraceID, toolkit: "workflow_trace_id")
            .flatMap(TraceID.init(hex:)).flatMap { $0.isValid ? $0 : nil }
        sessionID = string(MetadataKeys.sessionID, toolkit: "conversation_id")
        userID = string(MetadataKeys.userID, toolkit: "user_id")
        runID = string(MetadataKeys.workflowRunID, toolkit: "workflow_run_id")
    }
}
