import ExporterCore

/// A blueprint made of closures, for tests and small programs: `make` builds each run's instance, `close`
/// releases what the instances share.
public struct BlueprintFromClosure: ExporterBlueprint {
    private let make: @Sendable (String) throws -> any Exporter
    private let closeBody: @Sendable () async -> Void

    /// Creates a blueprint; `close` defaults to doing nothing.
    public init(
        close: @escaping @Sendable () async -> Void = {},
        make: @escaping @Sendable (_ name: String) throws -> any Exporter
    ) {
        self.make = make
        closeBody = close
    }

    public func makeExporter(name: String) throws -> any Exporter {
        try make(name)
    }

    public func close() async {
        await closeBody()
    }
}
