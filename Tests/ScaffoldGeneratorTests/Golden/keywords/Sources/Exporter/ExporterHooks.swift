// Customization hooks of the exporter exporter. This file is yours: `scaffold generate` created it once and
// never rewrites it. The generated code calls these hooks; the defaults below work as they are.

import ExporterCodecs
import ExporterCore
import ExporterEvents
import ExporterHTTP

/// The hooks the generated exporter calls.
struct ExporterHooks: Sendable {
    let configuration: ExporterConfiguration
    let context: ExporterBuildContext

    /// Called with every event before the processors of exporter.yaml; return nil to drop the event.
    func prepare(_ event: AgentEvent) -> AgentEvent? {
        event
    }
}
