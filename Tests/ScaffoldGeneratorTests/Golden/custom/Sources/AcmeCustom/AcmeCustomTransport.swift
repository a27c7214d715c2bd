// The custom transport of exporter.yaml. This file is yours: `scaffold generate` created it once and never
// rewrites it. Implement `send` and set `isImplemented` to true.

import ExporterATIF
import ExporterCodecs
import ExporterCore
import ExporterEvents
import ExporterHTTP

/// Sends the exporter's payloads wherever they must go.
struct AcmeCustomTransport: ExportSink {
    typealias Item = Span

    /// Whether `send` is written.
    static let isImplemented = false

    let configuration: AcmeCustomConfiguration
    let context: ExporterBuildContext

    init(configuration: AcmeCustomConfiguration, context: ExporterBuildContext) throws {
        self.configuration = configuration
        self.context = context
    }

    /// Delivers one payload; throw when it is lost for good.
    func export(_ payload: Span) async throws {
        throw AcmeCustomNotImplemented(
            what: "AcmeCustomTransport.export",
            file: "Sources/AcmeCustom/AcmeCustomTransport.swift"
        )
    }
}
