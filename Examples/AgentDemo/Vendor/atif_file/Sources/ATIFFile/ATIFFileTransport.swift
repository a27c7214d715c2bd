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
///
/// An event counts as exported only once the trajectory holding it is written: the transport keeps each event's
/// receipt with its run and settles them all when the run's file is written (delivered) or cannot be (lost, so
/// counted failed). The events of a run still open when an exporter run shuts down are held here until the file
/// is written at close, so that run's report counts them abandoned rather than exported.
final class ATIFFileTransport: ExportSink {
    typealias Item = AgentEvent

    /// Whether `export` is written.
    static let isImplemented = true

    let configuration: ATIFFileConfiguration
    let context: ExporterBuildContext
    /// Where trajectories go: `output_dir`, relative to the workflow file's directory.
    let files: ATIFFileSink
    private let state: Mutex<RunState>

    /// The shared builder and, per open run (by root uuid), the receipts of the events it holds.
    private struct RunState {
        var builder: TrajectoryBuilder
        var receipts: [String: [ExportReceipt]] = [:]
    }

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
        state = Mutex(RunState(builder: TrajectoryBuilder(agent: agent)))
    }

    func export(_ payload: AgentEvent) async throws {
        try await export(payload, receipt: .untracked)
    }

    /// Adds one event to its run; writes the run's trajectory when the event ends the run's root scope, and
    /// settles the receipts of the run's events with the outcome.
    func export(_ payload: AgentEvent, receipt: ExportReceipt) async throws {
        let ended: (trajectory: ATIFTrajectory?, receipts: [ExportReceipt])? = state.withLock { state in
            // Marks have no place in a trajectory: nothing to write, nothing to lose.
            guard payload.phase != .mark else { return (nil, [receipt]) }
            let root = state.builder.rootUUID(of: payload)
            let trajectory = state.builder.consume(payload)
            state.receipts[root, default: []].append(receipt)
            guard payload.phase == .end, payload.uuid == root else { return nil }
            return (trajectory, state.receipts.removeValue(forKey: root) ?? [])
        }
        guard let ended else { return }
        guard let trajectory = ended.trajectory else {
            // A run with nothing to write (no steps) is done with.
            for receipt in ended.receipts { receipt.delivered() }
            return
        }
        do {
            try await files.export(trajectory)
        } catch {
            // The event that ended the run is refused by the throw (the exporter counts it); the others are lost.
            for receipt in ended.receipts.dropLast() { receipt.lost() }
            throw error
        }
        for receipt in ended.receipts { receipt.delivered() }
    }

    /// Writes the runs that are still open, marked unfinished, settles their events, then closes the files.
    func close() async {
        let (unfinished, receipts) = state.withLock { state in
            let unfinished = state.builder.finishAllKeyed()
            let receipts = state.receipts
            state.receipts = [:]
            return (unfinished, receipts)
        }
        var settled: Set<String> = []
        for (root, trajectory) in unfinished {
            settled.insert(root)
            do {
                try await files.export(trajectory)
                for receipt in receipts[root] ?? [] { receipt.delivered() }
            } catch {
                for receipt in receipts[root] ?? [] { receipt.lost() }
                context.logger.error("exporter '\(context.name)': cannot write an unfinished trajectory: \(error)")
            }
        }
        // Runs that had nothing to write.
        for (root, runReceipts) in receipts where !settled.contains(root) {
            for receipt in runReceipts { receipt.delivered() }
        }
        await files.close()
    }
}
