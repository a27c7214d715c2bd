// The `scrub_pii` processor of exporter.yaml. This file is yours: `scaffold generate` created it once and never
// rewrites it. Implement `transform` and set `isImplemented` to true (the generated tests that run the whole
// pipeline wait for it).

import ExporterATIF
import ExporterCodecs
import ExporterCore
import ExporterEvents
import ExporterHTTP

/// `scrub_pii`: transforms events; return nil to drop one.
struct ScrubPiiProcessor: TransformProcessor {
    typealias Input = AgentEvent
    typealias Output = AgentEvent

    /// Whether `transform` is written; the generated pipeline tests are skipped until it is.
    static let isImplemented = false

    let configuration: AcmeCustomConfiguration

    init(configuration: AcmeCustomConfiguration) throws {
        self.configuration = configuration
    }

    /// The item to pass on, or nil to drop it.
    mutating func transform(_ item: AgentEvent) async throws -> AgentEvent? {
        throw AcmeCustomNotImplemented(
            what: "ScrubPiiProcessor.transform",
            file: "Sources/AcmeCustom/ScrubPiiProcessor.swift"
        )
    }
}
