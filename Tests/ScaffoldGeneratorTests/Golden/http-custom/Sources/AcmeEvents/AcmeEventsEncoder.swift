// The custom request encoder of exporter.yaml. This file is yours: `scaffold generate` created it once and never
// rewrites it. Implement `transform` and set `isImplemented` to true.

import ExporterCodecs
import ExporterCore
import ExporterEvents
import ExporterHTTP

/// Turns a batch of items into one HTTP request body.
struct AcmeEventsEncoder: TransformProcessor {
    typealias Input = [AgentEvent]
    typealias Output = HTTPPayload

    /// Whether `transform` is written.
    static let isImplemented = false

    let configuration: AcmeEventsConfiguration

    init(configuration: AcmeEventsConfiguration) throws {
        self.configuration = configuration
    }

    /// The request body of one batch (with its content type and item count); nil sends nothing.
    func transform(_ batch: [AgentEvent]) throws -> HTTPPayload? {
        throw AcmeEventsNotImplemented(
            what: "AcmeEventsEncoder.transform",
            file: "Sources/AcmeEvents/AcmeEventsEncoder.swift"
        )
    }
}
