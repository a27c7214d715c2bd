/// Keys of ``AgentEvent/extensions`` that more than one module writes or reads.
///
/// Instrumentation records the toolkit's function ancestry under the IntermediateStep codec's key, so the key lives
/// here, below both.
public enum ExtensionKeys {
    /// What the IntermediateStep codec keeps of a toolkit step that has no field of its own in ``AgentEvent``.
    public static let intermediateStep = "intermediate_step"
    /// What a span of another tracer (a library's `withSpan`, through ExporterTracing) has that no field of
    /// ``AgentEvent`` holds: its OpenTelemetry kind, attributes, links, status and remote parent
    /// (``TracerSpanFields``).
    public static let tracerSpan = "otel"
}
