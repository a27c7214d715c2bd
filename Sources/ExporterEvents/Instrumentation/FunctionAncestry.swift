/// The toolkit's `function_ancestry` for events made by instrumentation: the function scope that was running when
/// an event was emitted, and the function that called it.
///
/// This is what the toolkit records (its `InvocationNode`): a FUNCTION scope's own START and END name the
/// function itself; every other event names the innermost enclosing function scope, or the toolkit's root node
/// (`function_id` and `function_name` `"root"`, no parent) outside any function. A function opened at the root
/// has `"root"` as its parent, as in the toolkit. Agent (workflow), LLM, tool and other scopes do not change it.
///
/// It travels in ``ScopeContext`` and is put on each event under `extensions["intermediate_step"]`, where the
/// IntermediateStep codec writes it and the OTLP mapping reads it; the extension object is built once per
/// function scope and shared by every event under it, so emitting costs no allocation for it.
struct FunctionAncestry: Sendable, Hashable {
    /// The running function's uuid (`"root"` outside any function).
    let functionID: String
    /// The running function's name.
    let functionName: String
    /// The calling function's uuid (`"root"` for a function opened at the root, nil for the root node itself).
    let parentID: String?
    /// The calling function's name.
    let parentName: String?
    /// `["intermediate_step": ["function_ancestry": {...}]]`, ready to put on events.
    let extensions: JSONObject

    init(functionID: String, functionName: String, parentID: String?, parentName: String?) {
        self.functionID = functionID
        self.functionName = functionName
        self.parentID = parentID
        self.parentName = parentName
        let node = JSONObject(uniqueMembers: [
            ("function_id", .string(functionID)),
            ("function_name", .string(functionName)),
            ("parent_id", parentID.map(JSONValue.string) ?? .null),
            ("parent_name", parentName.map(JSONValue.string) ?? .null),
        ])
        extensions = JSONObject(uniqueMembers: [
            (
                ExtensionKeys.intermediateStep,
                .object(JSONObject(uniqueMembers: [("function_ancestry", .object(node))]))
            )
        ])
    }

    /// The toolkit's node for "no function running".
    static let root = FunctionAncestry(functionID: "root", functionName: "root", parentID: nil, parentName: nil)

    /// The ancestry inside a function scope `uuid` named `name` that this function calls.
    func calling(_ uuid: String, named name: String) -> FunctionAncestry {
        FunctionAncestry(functionID: uuid, functionName: name, parentID: functionID, parentName: functionName)
    }

    static func == (lhs: FunctionAncestry, rhs: FunctionAncestry) -> Bool {
        lhs.functionID == rhs.functionID && lhs.functionName == rhs.functionName && lhs.parentID == rhs.parentID
            && lhs.parentName == rhs.parentName
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(functionID)
        hasher.combine(functionName)
        hasher.combine(parentID)
        hasher.combine(parentName)
    }
}
