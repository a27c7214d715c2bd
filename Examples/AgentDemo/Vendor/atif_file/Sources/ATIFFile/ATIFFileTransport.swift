// The custom transport of exporter.yaml. This file is yours: `scaffold generate` created it once and never
// rewrites it.
//
// The spec language has no ATIF transport, so this file is the example's point: the generated package hands
// every event to this transport, which turns them into ATIF trajectories with the runtime's `TrajectoryBuilder`
// and writes each one, when its root agent scope ends, with the runtime's `ATIFFileSink` (one
// `<session_id>.json` per trajectory, written atomically) — what the built-in `atif` exporter does.

import ExporterATIF
import ExporterCore
import ExporterDiagnostics
import ExporterEvents
import Synchronization

/// Builds one ATIF trajectory per root agent scope and writes it to `output_dir` when that scope ends.
///
/// One transport serves the instances of every run, so the builder is shared (it keeps runs apart by their root
/// scope) and guarded by a lock; the file is written outside the lock. Runs still open when the exporter closes
/// are written as unfinished trajectories (their `notes` say so).
final class ATIFFileTransport: ExportSink {
    typealias Item = AgentEvent

    /// Whether `export` is written.
    static let isImplemented = true

    let configuration: ATIFFileConfiguration
    let context: ExporterBuildContext
    /// Where trajectories go: `output_dir`, relative to the workflow file's directory.
    let files: ATIFFileSink
    private let builder: Mutex<TrajectoryBuilder>

    init(configuration: ATIFFileConfiguration, context: ExporterBuildContext) throws {
        self.configuration = configuration
        self.context = context
        do {
            files = try ATIFFileSink(destination: .directory(context.resolve(path: configuration.outputDir)))
        } catch {
            throw DiagnosticError(
                .error(
                    ConfigurationCode.unusablePath,
                    "exporter '\(context.name)': \(error)",
                    at: context.location,
                    hint: "'output_dir' must be a directory this process can create and write"
                )
            )
        }
        let agent = ATIFAgentInfo(
            name: configuration.agentName,
            version: configuration.agentVersion,
            modelName: configuration.modelName
        )
        builder = Mutex(TrajectoryBuilder(agent: agent))
    }

    /// Adds one event to its run; writes the run's trajectory when the event ends the run's root scope.
    func export(_ payload: AgentEvent) async throws {
        guard let trajectory = builder.withLock({ $0.consume(payload) }) else { return }
        try await files.export(trajectory)
    }

    /// Writes the runs that are still open, marked unfinished, then closes the files.
    func close() async {
        let unfinished = builder.withLock { $0.finishAll() }
        for trajectory in unfinished {
            do {
                try await files.export(trajectory)
            } catch {
                context.logger.error("exporter '\(context.name)': cannot write an unfinished trajectory: \(error)")
            }
        }
        await files.close()
    }
}
