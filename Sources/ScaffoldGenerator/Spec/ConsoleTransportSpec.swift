import ExporterDiagnostics

/// `kind: console`.
public struct ConsoleTransportSpec: Sendable, Hashable {
    /// The stream written to.
    public enum Stream: String, Sendable, Hashable, CaseIterable {
        /// Standard output.
        case stdout
        /// Standard error.
        case stderr
    }

    /// `stream` (default `stdout`).
    public var stream: Stream
    /// Where the transport's mapping starts.
    public var location: SourceLocation

    /// Creates the spec.
    public init(stream: Stream = .stdout, location: SourceLocation) {
        self.stream = stream
        self.location = location
    }
}
