import ExporterDiagnostics
import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

@testable import ExporterCodecs
@testable import ExporterCore
@testable import ExporterEvents

/// Helpers for the `file` exporter's tests: workflows built from YAML, runs through the manager, files on disk.
enum FileTestSupport {
    /// A workflow file's `general.telemetry.tracing` section holding one `file` exporter named `out` with `settings`
    /// (a YAML flow mapping body, e.g. `output_path: t.jsonl, mode: overwrite`).
    static func workflow(_ settings: String) -> String {
        """
        general:
          telemetry:
            tracing:
              out: {_type: file, \(settings)}
        """
    }

    /// Parses the workflow `yaml` with relative paths under `directory`.
    static func configuration(
        _ yaml: String,
        in directory: TemporaryDirectory
    ) throws(DiagnosticError) -> WorkflowConfiguration {
        try WorkflowConfiguration.parse(yaml, file: "workflow.yml", environment: [:], baseDirectory: directory.path)
    }

    /// The `file` exporter `name` of `configuration`.
    static func blueprint(_ configuration: WorkflowConfiguration, name: String = "out") throws -> FileExporterBlueprint
    {
        let entry = configuration.exporters.first { $0.name == name }
        return try #require(entry?.blueprint as? FileExporterBlueprint)
    }

    /// Emits `events` in one run of `manager` and returns the shutdown reports (the manager stays open).
    static func run(_ manager: ExporterManager, _ events: [AgentEvent]) async throws -> [ShutdownReport] {
        try await manager.withRun { _ in
            for event in events { EventHub.current.emit(event) }
        }.reports
    }

    /// The lines of the file at `path`, without their newlines.
    static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// The uuids of the IntermediateStep lines of the file at `path`, in order.
    static func uuids(_ path: String) throws -> [String] {
        try lines(path).map { try IntermediateStepCodec.decode(line: Array($0.utf8)).uuid }
    }

    /// The size of the file at `path` in bytes.
    static func size(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    }

    /// The names in `directory`, sorted.
    static func names(in directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    /// True when `name` is `stem_YYYYMMDD_HHMMSS_ffffff<suffix>`, the toolkit's name for a rolled file.
    static func isRolledName(_ name: String, stem: String, suffix: String) -> Bool {
        guard name.hasPrefix(stem + "_"), name.hasSuffix(suffix) else { return false }
        let stamp = name.dropFirst(stem.count + 1).dropLast(suffix.count)
        let shape = "dddddddd_dddddd_dddddd"
        return stamp.count == shape.count
            && zip(stamp, shape).allSatisfy { $1 == "_" ? $0 == "_" : $0.isASCII && $0.isNumber }
    }

    /// A workflow run with enough events to fill several kilobytes of IntermediateStep JSONL.
    static func events(turns: Int) -> [AgentEvent] {
        TestEvents.run(root: "4bf92f35-77b3-4da6-a3ce-929d0e0e4736", turns: turns)
    }
}
