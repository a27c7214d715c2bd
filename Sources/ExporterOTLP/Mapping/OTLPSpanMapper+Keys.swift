extension OTLPSpanMapper {
    /// The prefixed attribute keys, built once per mapper rather than once per span.
    struct PrefixedKeys: Sendable {
        let uuid: String
        let parentUUID: String
        let category: String
        let subtype: String
        let origin: String
        let unfinished: String
        let phase: String
        let data: String
        let eventType: String
        let spanKind: String
        let functionID: String
        let functionName: String
        let framework: String
        let conversationID: String
        let userID: String
        let metadata: String
        let eventTimestamp: String
        let functionParentID: String
        let functionParentName: String
        let subspanName: String
        let workflowRunID: String
        let workflowTraceID: String
        let usageNumLLMCalls: String
        let usageSecondsBetweenCalls: String
        let metadataMimeType: String

        init(prefix: String) {
            let base = prefix.isEmpty ? "" : prefix + "."
            uuid = base + "uuid"
            parentUUID = base + "parent_uuid"
            category = base + "category"
            subtype = base + "subtype"
            origin = base + "origin"
            unfinished = base + "unfinished"
            phase = base + "phase"
            data = base + "data"
            eventType = base + "event_type"
            spanKind = base + "span.kind"
            functionID = base + "function.id"
            functionName = base + "function.name"
            framework = base + "framework"
            conversationID = base + "conversation.id"
            userID = base + "user.id"
            metadata = base + "metadata"
            eventTimestamp = base + "event_timestamp"
            functionParentID = base + "function.parent_id"
            functionParentName = base + "function.parent_name"
            subspanName = base + "subspan.name"
            workflowRunID = base + "workflow.run_id"
            workflowTraceID = base + "workflow.trace_id"
            usageNumLLMCalls = base + "usage.num_llm_calls"
            usageSecondsBetweenCalls = base + "usage.seconds_between_calls"
            metadataMimeType = base + "metadata.mime_type"
        }
    }
}
