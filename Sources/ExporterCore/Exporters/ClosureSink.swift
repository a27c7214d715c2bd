/// A sink made of closures: for tests, adapters and one-off transports.
public struct ClosureSink<Item: Sendable>: ExportSink {
    private let exportBody: @Sendable (Item) async throws -> Void
    private let flushBody: @Sendable () async throws -> Void
    private let closeBody: @Sendable () async -> Void

    /// Creates a sink that hands each item to `export`; `flush` and `close` default to doing nothing.
    public init(
        export: @escaping @Sendable (Item) async throws -> Void,
        flush: @escaping @Sendable () async throws -> Void = {},
        close: @escaping @Sendable () async -> Void = {}
    ) {
        exportBody = export
        flushBody = flush
        closeBody = close
    }

    public func export(_ item: Item) async throws {
        try await exportBody(item)
    }

    public func flush() async throws {
        try await flushBody()
    }

    public func close() async {
        await closeBody()
    }
}
