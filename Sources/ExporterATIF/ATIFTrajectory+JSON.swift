/// The ATIF JSON form: keys in the order of the v1.6 specification, absent optionals left out, agent-only fields
/// written on agent steps only.
import ExporterEvents

extension ATIFTrajectory {
    /// The trajectory as a JSON object.
    public var jsonValue: JSONValue {
        var object = JSONObject()
        object.appendUnique("schema_version", .string(Self.schemaVersion))
        object.appendUnique("session_id", .string(sessionID))
        object.appendUnique("agent", agent.jsonValue)
        object.appendUnique("steps", .array(steps.map(\.jsonValue)))
        object.appendOptional("notes", notes.map(JSONValue.string))
        object.appendOptional("final_metrics", finalMetrics?.jsonValue)
        object.appendOptional("continued_trajectory_ref", continuedTrajectoryRef.map(JSONValue.string))
        object.appendOptional("extra", extra.map(JSONValue.object))
        return .object(object)
    }

    /// Compact JSON bytes, UTF-8, no trailing newline.
    public func jsonBytes() -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1024 + steps.count * 512)
        JSONWriter.write(jsonValue, to: &buffer)
        return buffer
    }

    /// Compact JSON text.
    public var jsonString: String {
        String(decoding: jsonBytes(), as: UTF8.self)
    }

    /// Compact JSON of several trajectories as one array.
    public static func jsonArray(_ trajectories: [ATIFTrajectory]) -> String {
        var buffer: [UInt8] = []
        JSONWriter.write(.array(trajectories.map(\.jsonValue)), to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}

extension ATIFAgent {
    /// The `agent` object.
    public var jsonValue: JSONValue {
        var object = JSONObject()
        object.appendUnique("name", .string(name))
        object.appendUnique("version", .string(version))
        object.appendOptional("model_name", modelName.map(JSONValue.string))
        object.appendOptional("tool_definitions", toolDefinitions.map { .array($0.map(JSONValue.object)) })
        object.appendOptional("extra", extra.map(JSONValue.object))
        return .object(object)
    }
}

extension ATIFStep {
    /// The step object; agent-only fields appear only when `source` is `agent`.
    public var jsonValue: JSONValue {
        var object = JSONObject()
        object.appendUnique("step_id", .int(Int64(stepID)))
        object.appendOptional("timestamp", timestamp.map(JSONValue.string))
        object.appendUnique("source", .string(source.rawValue))
        if source == .agent { object.appendOptional("model_name", modelName.map(JSONValue.string)) }
        if source == .agent, let reasoningEffort {
            switch reasoningEffort {
            case .label(let label): object.appendUnique("reasoning_effort", .string(label))
            case .level(let level): object.appendUnique("reasoning_effort", .double(level))
            }
        }
        object.appendUnique("message", .string(message))
        if source == .agent {
            object.appendOptional("reasoning_content", reasoningContent.map(JSONValue.string))
            object.appendOptional("tool_calls", toolCalls.map { .array($0.map(\.jsonValue)) })
        }
        object.appendOptional("observation", observation?.jsonValue)
        if source == .agent { object.appendOptional("metrics", metrics?.jsonValue) }
        object.appendOptional("is_copied_context", isCopiedContext.map(JSONValue.bool))
        object.appendOptional("extra", extra.map(JSONValue.object))
        return .object(object)
    }
}

extension ATIFToolCall {
    /// The tool call object.
    public var jsonValue: JSONValue {
        .object(
            JSONObject(uniqueMembers: [
                ("tool_call_id", .string(toolCallID)),
                ("function_name", .string(functionName)),
                ("arguments", .object(arguments)),
            ])
        )
    }
}

extension ATIFObservation {
    /// The observation object.
    public var jsonValue: JSONValue {
        .object(JSONObject(uniqueMembers: [("results", .array(results.map(\.jsonValue)))]))
    }
}

extension ATIFObservationResult {
    /// The result object.
    public var jsonValue: JSONValue {
        var object = JSONObject()
        object.appendOptional("source_call_id", sourceCallID.map(JSONValue.string))
        object.appendOptional("content", content.map(JSONValue.string))
        object.appendOptional("subagent_trajectory_ref", subagentTrajectoryRef.map { .array($0.map(JSONValue.object)) })
        return .object(object)
    }
}

extension ATIFMetrics {
    /// The metrics object.
    public var jsonValue: JSONValue {
        var object = JSONObject()
        object.appendOptional("prompt_tokens", promptTokens.map { .int(Int64($0)) })
        object.appendOptional("completion_tokens", completionTokens.map { .int(Int64($0)) })
        object.appendOptional("cached_tokens", cachedTokens.map { .int(Int64($0)) })
        object.appendOptional("cost_usd", costUSD.map(JSONValue.double))
        object.appendOptional("prompt_token_ids", promptTokenIDs.map { .array($0.map { .int(Int64($0)) }) })
        object.appendOptional("completion_token_ids", completionTokenIDs.map { .array($0.map { .int(Int64($0)) }) })
        object.appendOptional("logprobs", logprobs.map { .array($0.map(JSONValue.double)) })
        object.appendOptional("extra", extra.map(JSONValue.object))
        return .object(object)
    }
}

extension ATIFFinalMetrics {
    /// The final metrics object.
    public var jsonValue: JSONValue {
        var object = JSONObject()
        object.appendOptional("total_prompt_tokens", totalPromptTokens.map { .int(Int64($0)) })
        object.appendOptional("total_completion_tokens", totalCompletionTokens.map { .int(Int64($0)) })
        object.appendOptional("total_cached_tokens", totalCachedTokens.map { .int(Int64($0)) })
        object.appendOptional("total_cost_usd", totalCostUSD.map(JSONValue.double))
        object.appendOptional("total_steps", totalSteps.map { .int(Int64($0)) })
        object.appendOptional("extra", extra.map(JSONValue.object))
        return .object(object)
    }
}

extension JSONObject {
    /// Appends `value` under a key not present yet, unless it is nil: ATIF leaves absent optionals out.
    fileprivate mutating func appendOptional(_ key: String, _ value: JSONValue?) {
        if let value { appendUnique(key, value) }
    }
}
