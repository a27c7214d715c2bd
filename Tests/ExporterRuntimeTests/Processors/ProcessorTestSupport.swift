import ExporterDiagnostics
import ExporterRuntime
import Testing

/// An event with only what processor tests look at filled in.
func makeEvent(
    uuid: String = "scope-1",
    rootUUID: String? = nil,
    phase: EventPhase = .start,
    category: EventCategory = .llm,
    name: String = "gpt",
    input: JSONValue? = nil,
    output: JSONValue? = nil,
    chunk: JSONValue? = nil,
    metadata: JSONObject = [:],
    tags: [String] = []
) -> AgentEvent {
    AgentEvent(
        uuid: uuid,
        rootUUID: rootUUID,
        phase: phase,
        category: category,
        name: name,
        timestamp: Timestamp(nanosecondsSinceEpoch: 1_700_000_000_000_000_000),
        input: input,
        output: output,
        chunk: chunk,
        metadata: metadata,
        tags: tags
    )
}

/// True when both events share one storage object: the processor handed the event on without copying it.
func sharesStorage(_ lhs: AgentEvent, _ rhs: AgentEvent) -> Bool {
    withUnsafeBytes(of: lhs) { left in withUnsafeBytes(of: rhs) { right in left.elementsEqual(right) } }
}

/// Runs `body`, expecting a `DiagnosticError`, and returns its single diagnostic.
func expectDiagnostic(
    _ body: () throws -> Void,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
)
    -> ExporterDiagnostics.Diagnostic?
{
    do {
        try body()
        Issue.record("expected a DiagnosticError", sourceLocation: sourceLocation)
    } catch let error as DiagnosticError {
        #expect(error.diagnostics.count == 1, sourceLocation: sourceLocation)
        return error.diagnostics.first
    } catch {
        Issue.record("expected a DiagnosticError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// Feeds `items` through `processor` and returns what it emitted.
func run<P: Processor>(_ processor: inout P, _ items: [P.Input]) async throws -> [P.Output] {
    var emitted: [P.Output] = []
    for item in items {
        try await processor.process(item) { emitted.append($0) }
    }
    return emitted
}

/// Flushes `processor` and returns what it emitted.
func flushed<P: Processor>(_ processor: inout P) async throws -> [P.Output] {
    var emitted: [P.Output] = []
    try await processor.flush { emitted.append($0) }
    return emitted
}
