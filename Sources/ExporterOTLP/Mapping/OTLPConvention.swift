/// An attribute convention the OTLP mapper writes (`conventions:`): OpenInference (Phoenix, Arize, Langfuse read
/// it), the OpenTelemetry GenAI semantic conventions (`gen_ai.*`), or both.
public enum OTLPConvention: String, Sendable, Hashable, CaseIterable, Decodable {
    /// OpenInference: `openinference.span.kind`, `input.value`, `llm.*`, `tool.*`. The default.
    case openInference = "openinference"
    /// The OpenTelemetry GenAI semantic conventions: `gen_ai.operation.name`, `gen_ai.request.model`, ..., and span
    /// names such as `chat gpt-4o`.
    case genAI = "genai"
}
