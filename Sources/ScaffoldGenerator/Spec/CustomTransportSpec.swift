import ExporterDiagnostics

/// `kind: custom`: a user-owned `send` hook; no options.
public struct CustomTransportSpec: Sendable, Hashable {
    /// Where the transport's mapping starts.
    public var location: SourceLocation

    /// Creates the spec.
    public init(location: SourceLocation) {
        self.location = location
    }
}
