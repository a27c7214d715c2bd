/// Why a ``ProcessingExporter`` refused a lifecycle call.
public enum ProcessingExporterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `flush()` was called before `start()`: nothing would process the buffer.
    case notStarted(exporter: String)
    /// `start()` or `flush()` was called after the exporter's consumer ended (it was shut down).
    case shutDown(exporter: String)

    public var description: String {
        switch self {
        case .notStarted(let exporter): "exporter '\(exporter)' has not been started"
        case .shutDown(let exporter): "exporter '\(exporter)' has been shut down"
        }
    }
}
