/// Instrumentation: scopes, managed LLM and tool calls, and marks, emitted into ``EventHub/current``.
///
/// The current scope travels task-locally: a scope started inside another is its child, child tasks inherit the
/// scope they were created in, and concurrent runs never mix. Emitting never suspends.
///
/// ```swift
/// try await Instrument.agent("support-bot", input: "hi", sessionID: session) { _ in
///     let reply = try await Instrument.llm(model: "gpt-4o", messages: [.user("hi")]) { call in
///         let answer = try await client.complete(...)
///         call.finish(output: answer.text, usage: TokenUsage(prompt: 12, completion: 3))
///         return answer
///     }
///     ...
/// }
/// ```
public enum Instrument {
    @TaskLocal static var boundScope: ScopeContext?

    /// The scope the current task runs in, or nil outside any scope. With a tracing bridge bootstrapped
    /// (ExporterTracing), a library's span opened with `withSpan` counts as a scope too.
    public static var currentScope: ScopeContext? {
        if let propagation = ScopePropagationSlot.current, let scope = propagation.currentScope() { return scope }
        return boundScope
    }

    /// A fresh lowercase UUID string, as scopes and marks get (for manual lifecycle events).
    public static func newUUID() -> String {
        EventUUID.make()
    }

    /// Runs `operation` as a scope: emits START, runs the body with the scope as the current one, emits END with
    /// the output set on the handle (else the body's result when it is ``JSONRepresentable``) and status `.ok`.
    ///
    /// When the body throws, the END carries `.error(type:message:)` with the error's full type name and
    /// description, and the error is rethrown. When the task was cancelled, the END carries
    /// `.error(type: "CancellationError", message: "cancelled")` whether the body threw or swallowed the
    /// cancellation and returned (its output is kept then).
    public static func scope<Result>(
        _ category: EventCategory,
        _ name: String,
        input: JSONValue? = nil,
        metadata: JSONObject = [:],
        tags: [String] = [],
        isolation: isolated (any Actor)? = #isolation,
        operation: (ScopeHandle) async throws -> Result
    ) async rethrows -> Result {
        let handle = ScopeHandle(category: category, name: name, input: input, metadata: metadata, tags: tags)
        return try await run(handle, isolation: isolation, operation: operation)
    }

    /// Runs `operation` as a function scope (see ``scope(_:_:input:metadata:tags:isolation:operation:)``).
    public static func scope<Result>(
        _ name: String,
        input: JSONValue? = nil,
        metadata: JSONObject = [:],
        tags: [String] = [],
        isolation: isolated (any Actor)? = #isolation,
        operation: (ScopeHandle) async throws -> Result
    ) async rethrows -> Result {
        let handle = ScopeHandle(category: .function, name: name, input: input, metadata: metadata, tags: tags)
        return try await run(handle, isolation: isolation, operation: operation)
    }

    /// Runs `operation` as an agent scope, usually the root of a run.
    ///
    /// `sessionID` and `userID` are written once, into the START's metadata under ``MetadataKeys/sessionID`` and
    /// ``MetadataKeys/userID``; the events of the scopes inside do not repeat them: the span layer
    /// (``SpanBuilder``) hands them down to every span of the trace, and OTLP exporters read them from there.
    public static func agent<Result>(
        _ name: String,
        input: JSONValue? = nil,
        sessionID: String? = nil,
        userID: String? = nil,
        metadata: JSONObject = [:],
        tags: [String] = [],
        isolation: isolated (any Actor)? = #isolation,
        operation: (ScopeHandle) async throws -> Result
    ) async rethrows -> Result {
        var metadata = metadata
        if let sessionID { metadata[MetadataKeys.sessionID] = .string(sessionID) }
        if let userID { metadata[MetadataKeys.userID] = .string(userID) }
        let handle = ScopeHandle(category: .agent, name: name, input: input, metadata: metadata, tags: tags)
        return try await run(handle, isolation: isolation, operation: operation)
    }

    /// Emits a MARK (a point-in-time event) under the current scope. Its `data` travels in the event's `chunk`,
    /// where ATOF writes a mark's `data` and the IntermediateStep codec its `data.chunk` (the toolkit's
    /// `SPAN_CHUNK`); its category is `custom("mark")`.
    public static func mark(_ name: String, data: JSONValue? = nil, metadata: JSONObject = [:], tags: [String] = []) {
        let parent = currentScope
        let uuid = EventUUID.make()
        EventHub.current.emit(
            AgentEvent(
                uuid: uuid,
                parentUUID: parent?.uuid,
                rootUUID: parent?.rootUUID ?? uuid,
                phase: .mark,
                category: .custom("mark"),
                name: name,
                timestamp: Timestamp.now(),
                chunk: data,
                metadata: metadata,
                tags: tags,
                extensions: (parent?.function ?? .root).extensions
            )
        )
    }

    /// Runs the body of an opened scope and closes it, whatever happens.
    ///
    /// A task cancelled while the body ran ends the scope as cancelled (``cancelled``) even when the body swallowed
    /// the cancellation and returned: the END keeps the body's output, but says that the work was cut short.
    static func run<Result, Handle>(
        _ scope: ScopeHandle,
        handle: Handle,
        isolation: isolated (any Actor)?,
        operation: (Handle) async throws -> Result
    ) async rethrows -> Result {
        do {
            let result: Result
            if let propagation = ScopePropagationSlot.current {
                result = try await runBridged(scope.context, propagation, isolation: isolation) {
                    try await operation(handle)
                }
            } else {
                result = try await $boundScope.withValue(scope.context, operation: { try await operation(handle) })
            }
            scope.close(status: Task.isCancelled ? cancelled : .ok, result: result)
            return result
        } catch {
            scope.close(status: status(for: error), result: nil)
            throw error
        }
    }

    /// The body of a scope with a tracing bridge installed: also in the bridge's carrier. Kept out of line so that
    /// the unbridged path's async frame stays as small as it was before the bridge existed.
    @inline(never)
    static func runBridged<Result>(
        _ context: ScopeContext,
        _ propagation: any ScopePropagation,
        isolation: isolated (any Actor)?,
        operation: () async throws -> Result
    ) async rethrows -> Result {
        try await $boundScope.withValue(context) {
            try await propagation.withScope(context, isolation: isolation, operation: operation)
        }
    }

    static func run<Result>(
        _ scope: ScopeHandle,
        isolation: isolated (any Actor)?,
        operation: (ScopeHandle) async throws -> Result
    ) async rethrows -> Result {
        try await run(scope, handle: scope, isolation: isolation, operation: operation)
    }

    /// The END status of a scope whose task was cancelled, thrown or not.
    static let cancelled = EventStatus.error(type: "CancellationError", message: "cancelled")

    /// The END status for an error that ended a scope.
    static func status(for error: any Error) -> EventStatus {
        if error is CancellationError || Task.isCancelled { return cancelled }
        return .error(type: String(reflecting: type(of: error)), message: String(describing: error))
    }
}
