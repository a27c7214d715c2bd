import ExporterDiagnostics

/// `kind: custom`: a processor the user implements.
public struct CustomProcessorSpec: Sendable, Hashable {
    /// What the hook transforms.
    public enum Stage: String, Sendable, Hashable, CaseIterable {
        /// `AgentEvent → AgentEvent?`, before the exporter builds its items.
        case events
        /// The exporter's item (`AgentEvent` for raw, `Span` for span/otel).
        case items
    }

    /// The snake_case name written in the spec.
    public var name: String
    /// The UpperCamelCase form of `name` (`scrub_pii` → `ScrubPii`); the renderer adds its own suffix.
    public var swiftName: String
    /// What the hook transforms.
    public var stage: Stage
    /// Where the processor's mapping starts.
    public var location: SourceLocation

    /// Creates the spec.
    public init(name: String, swiftName: String, stage: Stage, location: SourceLocation) {
        self.name = name
        self.swiftName = swiftName
        self.stage = stage
        self.location = location
    }
}
