import ExporterEvents
import ServiceContextModule

/// Keeps our scopes in `ServiceContext.current`, where `withSpan` keeps a library's span: whichever opened last is
/// the parent of what opens next, so the agent nests inside a request span and a library's client span inside a
/// tool call, task-locally and without passing anything.
struct ServiceContextPropagation: ScopePropagation {
    func currentScope() -> ScopeContext? {
        ServiceContext.current?.bridgedSpan?.scope
    }

    func currentRemoteParent() -> TracerSpanFields.SpanReference? {
        guard let span = ServiceContext.current?.bridgedSpan, span.scope == nil else { return nil }
        return span.reference
    }

    func withScope<Result>(
        _ scope: ScopeContext,
        isolation: isolated (any Actor)?,
        operation: () async throws -> Result
    ) async rethrows -> Result {
        var context = ServiceContext.current ?? .topLevel
        context.bridgedSpan = .child(uuid: scope.uuid, scope: scope, of: context.bridgedSpan)
        return try await ServiceContext.withValue(context, isolation: isolation, operation: operation)
    }
}
