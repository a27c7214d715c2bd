// Customization hooks of the acme_json_api exporter. This file is yours: `scaffold generate` created it once and
// never rewrites it. The generated code calls these hooks; the defaults below work as they are.

import ExporterCodecs
import ExporterCore
import ExporterEvents
import ExporterHTTP

/// The hooks the generated exporter calls.
struct AcmeJSONAPIHooks: Sendable {
    let configuration: AcmeJSONAPIConfiguration
    let context: ExporterBuildContext

    /// Called with every event before the processors of exporter.yaml; return nil to drop the event.
    func prepare(_ event: AgentEvent) -> AgentEvent? {
        event
    }
}
