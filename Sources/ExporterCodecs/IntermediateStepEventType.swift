/// The toolkit's `event_type` values and how they map to phase and category.
import ExporterEvents

enum IntermediateStepEventType {
    /// All 18 values the toolkit writes, for did-you-mean hints.
    static let allNames = [
        "LLM_START", "LLM_END", "LLM_NEW_TOKEN", "TOOL_START", "TOOL_END", "WORKFLOW_START", "WORKFLOW_END",
        "TASK_START", "TASK_END", "TTC_START", "TTC_END", "FUNCTION_START", "FUNCTION_END", "CUSTOM_START",
        "CUSTOM_END", "SPAN_START", "SPAN_CHUNK", "SPAN_END",
    ]

    /// The phase and the category an `event_type` names by itself (before `payload.canonical` refines it).
    static func decode(_ name: String) -> (phase: EventPhase, category: EventCategory)? {
        switch name {
        case "LLM_NEW_TOKEN": return (.chunk, .llm)
        case "SPAN_CHUNK": return (.chunk, .custom("span"))
        default: break
        }
        let phase: EventPhase
        let family: Substring
        if name.hasSuffix("_START") {
            phase = .start
            family = name.dropLast(6)
        } else if name.hasSuffix("_END") {
            phase = .end
            family = name.dropLast(4)
        } else {
            return nil
        }
        switch family {
        case "LLM": return (phase, .llm)
        case "TOOL": return (phase, .tool)
        case "WORKFLOW": return (phase, .agent)
        case "TASK": return (phase, .task)
        case "FUNCTION": return (phase, .function)
        case "CUSTOM": return (phase, .custom("custom"))
        case "SPAN": return (phase, .custom("span"))
        case "TTC": return (phase, .custom("ttc"))
        default: return nil
        }
    }

    /// The `event_type` for a phase and category. Categories the toolkit lacks use `CUSTOM`; chunks and marks of
    /// anything but an LLM use `SPAN_CHUNK` (the only other streaming type), which span builders ignore.
    static func encode(phase: EventPhase, category: EventCategory) -> StaticString {
        switch phase {
        case .chunk, .mark:
            return category == .llm ? "LLM_NEW_TOKEN" : "SPAN_CHUNK"
        case .start:
            switch category {
            case .llm: return "LLM_START"
            case .tool: return "TOOL_START"
            case .agent: return "WORKFLOW_START"
            case .task: return "TASK_START"
            case .function: return "FUNCTION_START"
            case .custom("span"): return "SPAN_START"
            case .custom("ttc"): return "TTC_START"
            default: return "CUSTOM_START"
            }
        case .end:
            switch category {
            case .llm: return "LLM_END"
            case .tool: return "TOOL_END"
            case .agent: return "WORKFLOW_END"
            case .task: return "TASK_END"
            case .function: return "FUNCTION_END"
            case .custom("span"): return "SPAN_END"
            case .custom("ttc"): return "TTC_END"
            default: return "CUSTOM_END"
            }
        }
    }

    /// The category that `event_type` alone implies for an event: what decoding assumes without a `category`
    /// in `payload.canonical`.
    static func impliedCategory(phase: EventPhase, category: EventCategory) -> EventCategory {
        switch (phase, category) {
        case (.chunk, .llm), (.mark, .llm): return .llm
        case (.chunk, _), (.mark, _): return .custom("span")
        case (_, .llm), (_, .tool), (_, .agent), (_, .task), (_, .function), (_, .custom("span")), (_, .custom("ttc")):
            return category
        default: return .custom("custom")
        }
    }
}
