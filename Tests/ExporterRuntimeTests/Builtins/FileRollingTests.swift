import ExporterDiagnostics
import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

/// `enable_rolling`, `max_file_size` and `max_files` as the toolkit's `FileExportMixin` applies them, configured
/// through a workflow file.
@Suite("FileRolling")
struct FileRollingTests {
    typealias Support = FileTestSupport

    @Test("a file rolls once it reaches max_file_size, so none exceeds it by more than one record")
    func rollsBeforeEveryRecord() async throws {
        let directory = try TemporaryDirectory()
        let configuration = try Support.configuration(
            Support.workflow(
                "output_path: logs/steps.jsonl, project: demo, enable_rolling: true, max_file_size: 1024, max_files: 1000"
            ),
            in: directory
        )
        let manager = configuration.makeManager()
        let events = Support.events(turns: 20)
        let reports = try await Support.run(manager, events)
        await manager.close()
        #expect(reports.allSatisfy { $0.statistics.exported == events.count && $0.statistics.failed == 0 })

        let logs = directory.file("logs")
        let rolled = try Support.names(in: logs).filter { $0 != "steps.jsonl" }
        #expect(rolled.count > 5)
        #expect(rolled.allSatisfy { Support.isRolledName($0, stem: "steps", suffix: ".jsonl") })
        // Rolled names sort by when they rolled; the current file holds the newest records.
        let files = rolled.map { logs + "/" + $0 } + [logs + "/steps.jsonl"]
        let longestRecord = try files.flatMap { try Support.lines($0) }.map { $0.utf8.count + 1 }.max() ?? 0
        for file in files {
            let size = try Support.size(file)
            #expect(size < 1024 + longestRecord, "\(file) has \(size) bytes")
            if file != files.last { #expect(size >= 1024, "\(file) rolled at \(size) bytes") }
        }
        #expect(try files.flatMap { try Support.uuids($0) } == events.map(\.uuid))
    }

    @Test("max_files keeps the newest rolled files and deletes older ones as it rolls")
    func keepsTheNewestRolledFiles() async throws {
        let directory = try TemporaryDirectory()
        let configuration = try Support.configuration(
            Support.workflow(
                "output_path: steps.jsonl, project: demo, enable_rolling: true, max_file_size: 1024, max_files: 2"
            ),
            in: directory
        )
        let manager = configuration.makeManager()
        let events = Support.events(turns: 20)
        _ = try await Support.run(manager, events)
        await manager.close()

        let rolled = try Support.names(in: directory.path).filter { $0 != "steps.jsonl" }
        #expect(rolled.count == 2)
        let kept = try (rolled + ["steps.jsonl"]).flatMap { try Support.uuids(directory.file($0)) }
        // What is left is the tail of the run, without a gap.
        #expect(!kept.isEmpty && kept.count < events.count)
        #expect(kept == Array(events.map(\.uuid).suffix(kept.count)))
    }

    @Test("an existing directory as output_path holds '{project}_export.log', as in the toolkit")
    func existingDirectoryHoldsProjectLog() async throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.file("traces.d"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: directory.file("traces"), withIntermediateDirectories: true)
        let configuration = try Support.configuration(
            """
            general:
              telemetry:
                tracing:
                  plain: {_type: file, output_path: traces, project: demo, enable_rolling: true}
                  dotted: {_type: file, output_path: traces.d, project: demo, enable_rolling: true}
            """,
            in: directory
        )
        let manager = configuration.makeManager()
        let events = Support.events(turns: 1)
        _ = try await Support.run(manager, events)
        await manager.close()
        #expect(try Support.uuids(directory.file("traces/demo_export.log")) == events.map(\.uuid))
        // The toolkit keeps a directory's own suffix: `traces.d/traces.d`.
        #expect(try Support.uuids(directory.file("traces.d/traces.d")) == events.map(\.uuid))
    }

    @Test("an output_path without a suffix is a directory, created, holding '{project}_export.log'")
    func pathWithoutSuffixIsDirectory() async throws {
        let directory = try TemporaryDirectory()
        let configuration = try Support.configuration(
            Support.workflow(
                "output_path: out/logs, project: demo, enable_rolling: true, max_file_size: 2048, max_files: 100"
            ),
            in: directory
        )
        let manager = configuration.makeManager()
        let events = Support.events(turns: 10)
        _ = try await Support.run(manager, events)
        await manager.close()

        let logs = directory.file("out/logs")
        let names = try Support.names(in: logs)
        #expect(names.contains("demo_export.log"))
        let rolled = names.filter { $0 != "demo_export.log" }
        #expect(!rolled.isEmpty)
        #expect(rolled.allSatisfy { Support.isRolledName($0, stem: "demo_export", suffix: ".log") })
        let all = try (rolled + ["demo_export.log"]).flatMap { try Support.uuids(logs + "/" + $0) }
        #expect(all == events.map(\.uuid))
    }

    @Test("a directory output_path without 'project' is an error pointing at the exporter")
    func directoryNeedsProject() throws {
        let directory = try TemporaryDirectory()
        do {
            _ = try Support.configuration(Support.workflow("output_path: logs, enable_rolling: true"), in: directory)
            Issue.record("expected a configuration error")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.message.contains("'project'"))
            #expect(diagnostic.message.contains("exporter 'out'"))
            #expect(diagnostic.location?.line == 4)
        }
    }

    @Test("without rolling, output_path is the file itself, suffix or not")
    func withoutRollingPathIsTheFile() async throws {
        let directory = try TemporaryDirectory()
        let configuration = try Support.configuration(
            Support.workflow("output_path: logs/steps, project: demo"),
            in: directory
        )
        let manager = configuration.makeManager()
        let events = Support.events(turns: 1)
        _ = try await Support.run(manager, events)
        await manager.close()
        #expect(try Support.uuids(directory.file("logs/steps")) == events.map(\.uuid))
    }

    @Test("an append run continues a file that reached max_file_size in a fresh one")
    func appendRollsAFullFileFirst() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("steps.jsonl")
        try String(repeating: "x", count: 2000).appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
        let configuration = try Support.configuration(
            Support.workflow(
                "output_path: steps.jsonl, project: demo, enable_rolling: true, max_file_size: 1024, max_files: 100"
            ),
            in: directory
        )
        let manager = configuration.makeManager()
        let events = Support.events(turns: 1)
        _ = try await Support.run(manager, events)
        await manager.close()
        let rolled = try Support.names(in: directory.path).filter { $0 != "steps.jsonl" }
        try #require(rolled.count >= 2)
        // The full file rolled as it was, before the first record of this run.
        #expect(try Support.lines(directory.file(rolled[0])) == [String(repeating: "x", count: 2000)])
        let written = try (rolled.dropFirst() + ["steps.jsonl"]).flatMap { try Support.uuids(directory.file($0)) }
        #expect(written == events.map(\.uuid))
    }

    @Test("mode: overwrite rolls a file that already reached max_file_size and empties a smaller one")
    func overwriteWithRolling() throws {
        let directory = try TemporaryDirectory()
        try String(repeating: "x", count: 2000).write(
            toFile: directory.file("full.jsonl"),
            atomically: true,
            encoding: .utf8
        )
        try "small\n".write(toFile: directory.file("small.jsonl"), atomically: true, encoding: .utf8)
        _ = try Support.configuration(
            """
            general:
              telemetry:
                tracing:
                  full: {_type: file, output_path: full.jsonl, mode: overwrite, enable_rolling: true, max_file_size: 1024}
                  small: {_type: file, output_path: small.jsonl, mode: overwrite, enable_rolling: true, max_file_size: 1024}
            """,
            in: directory
        )
        let names = try Support.names(in: directory.path)
        let rolled = names.filter { Support.isRolledName($0, stem: "full", suffix: ".jsonl") }
        #expect(rolled.count == 1)
        #expect(try Support.size(directory.file(try #require(rolled.first))) == 2000)
        #expect(try Support.size(directory.file("full.jsonl")) == 0)
        #expect(try Support.size(directory.file("small.jsonl")) == 0)
        #expect(!names.contains { Support.isRolledName($0, stem: "small", suffix: ".jsonl") })
    }
}
