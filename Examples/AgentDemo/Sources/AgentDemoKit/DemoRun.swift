import ATIFFile
import ExporterOTLP
import ExporterRuntime
import FileJSONL
import Foundation

/// One run of the demo: the conversations played concurrently inside one exporter run, then the exporters shut
/// down and their reports collected.
public enum DemoRun {
    /// Plays `conversations` with `agent` through the exporters of `configuration` and closes them.
    ///
    /// - Throws: a conversation's error or an exporter's start error (the run is stopped and closed first).
    public static func play(
        _ conversations: [Conversation] = Conversation.demo,
        agent: SupportAgent = SupportAgent(),
        configuration: WorkflowConfiguration
    ) async throws -> DemoReport {
        let manager = configuration.makeManager(shutdownTimeout: .seconds(30))
        let destinations = configuration.exporters.map { ExporterDestination(name: $0.name, blueprint: $0.blueprint) }
        do {
            let (outcomes, reports) = try await manager.withRun { _ in
                try await agent.answerConcurrently(conversations)
            }
            await manager.close()
            return DemoReport(outcomes: outcomes, reports: reports, destinations: destinations)
        } catch {
            await manager.close()
            throw error
        }
    }
}

/// Where one exporter sends what it exports.
public struct ExporterDestination: Sendable, Hashable {
    /// A kind of destination.
    public enum Target: Sendable, Hashable {
        /// A JSON-lines file.
        case file(String)
        /// One ATIF trajectory file.
        case trajectoryFile(String)
        /// A directory of ATIF trajectory files.
        case trajectoryDirectory(String)
        /// An OTLP endpoint (without credentials).
        case endpoint(String)
        /// The terminal.
        case console
        /// An exporter type the demo does not know, by its blueprint type.
        case other(String)
    }

    /// The exporter's name in the workflow.
    public var name: String
    /// Where its output goes.
    public var target: Target

    /// The destination of the exporter `blueprint` makes.
    public init(name: String, blueprint: any ExporterBlueprint) {
        self.name = name
        switch blueprint {
        case let file as FileExporterBlueprint:
            target = .file(file.sink.path)
        case let atif as ATIFExporterBlueprint:
            switch atif.sink.destination {
            case .file(let path): target = .trajectoryFile(path)
            case .directory(let path): target = .trajectoryDirectory(path)
            }
        case let steps as FileJSONLEventExporter:
            target = .file(steps.context.resolve(path: steps.configuration.outputPath))
        case let trajectories as ATIFFileEventExporter:
            target = .trajectoryDirectory(trajectories.context.resolve(path: trajectories.configuration.outputDir))
        case let otlp as OTLPExporterBlueprint:
            target = .endpoint(Self.withoutCredentials(otlp.configuration.endpoint))
        case is ConsoleExporterBlueprint:
            target = .console
        default:
            target = .other(String(describing: type(of: blueprint)))
        }
    }

    /// The target in words.
    public var location: String {
        switch target {
        case .file(let path): "file \(path)"
        case .trajectoryFile(let path): "ATIF file \(path)"
        case .trajectoryDirectory(let path): "ATIF directory \(path)"
        case .endpoint(let url): "OTLP \(url)"
        case .console: "console"
        case .other(let type): type
        }
    }

    /// The URL without user and password, which must not reach the terminal.
    static func withoutCredentials(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return "<endpoint>" }
        components.user = nil
        components.password = nil
        return components.string ?? "<endpoint>"
    }
}
