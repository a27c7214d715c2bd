// Customization hooks of the phoenix exporter. This file is yours: `scaffold generate` created it once and
// never rewrites it. The generated code calls these hooks; the defaults below work as they are.

import ExporterCore
import ExporterEvents
import ExporterHTTP
import ExporterOTLP

/// The hooks the generated exporter calls.
struct PhoenixExporterHooks: Sendable {
    let configuration: PhoenixExporterConfiguration
    let context: ExporterBuildContext

    /// Called with every event before the processors of exporter.yaml; return nil to drop the event.
    func prepare(_ event: AgentEvent) -> AgentEvent? {
        event
    }
}
