import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

@testable import ExporterCodecs

/// The toolkit's `file` keys, given in a workflow file, reach the sink and change what lands on disk; and what
/// was exported is on disk after a flush or a shutdown, before anything is closed.
@Suite("FileToolkitKeys")
struct FileToolkitKeysTests {
    typealias Support = FileTestSupport

    @Test("every toolkit key of a workflow file reaches the file sink")
    func keysReachTheSink() throws {
        let directory = try TemporaryDirectory()
        let configuration = try Support.configuration(
            """
            general:
              telemetry:
                tracing:
                  rolling:
                    _type: file
                    output_path: rolled/steps.jsonl
                    project: demo
                    mode: overwrite
                    enable_rolling: true
                    max_file_size: 4KiB
                    max_files: 3
                    cleanup_on_init: true
                  plain: {_type: file, output_path: plain.jsonl, project: demo}
            """,
            in: directory
        )
        let rolling = try Support.blueprint(configuration, name: "rolling").sink
        #expect(rolling.path == directory.file("rolled/steps.jsonl"))
        #expect(rolling.mode == .overwrite)
        #expect(rolling.rolling == FileSink.Rolling(maxFileSize: 4096, maxFiles: 3))
        #expect(rolling.cleanupOnInit)
        let plain = try Support.blueprint(configuration, name: "plain").sink
        #expect(plain.path == directory.file("plain.jsonl"))
        #expect(plain.mode == .append)
        #expect(plain.rolling == nil)
        #expect(!plain.cleanupOnInit)
    }

    @Test("mode: append keeps an existing file's lines, mode: overwrite replaces them")
    func modesThroughTheWorkflow() async throws {
        let directory = try TemporaryDirectory()
        let events = Support.events(turns: 1)
        for (mode, keepsOld) in [("append", true), ("overwrite", false)] {
            let path = directory.file("\(mode).jsonl")
            try "old\n".write(toFile: path, atomically: true, encoding: .utf8)
            let configuration = try Support.configuration(
                Support.workflow("output_path: \(mode).jsonl, project: demo, mode: \(mode)"),
                in: directory
            )
            let manager = configuration.makeManager()
            _ = try await Support.run(manager, events)
            await manager.close()
            let lines = try Support.lines(path)
            #expect((lines.first == "old") == keepsOld, "mode \(mode)")
            #expect(lines.count == events.count + (keepsOld ? 1 : 0), "mode \(mode)")
        }
    }

    @Test("what a run exported is on disk after flush(), before shutdown and close")
    func onDiskAfterFlush() async throws {
        let directory = try TemporaryDirectory()
        let configuration = try Support.configuration(
            Support.workflow("output_path: t.jsonl, project: demo"),
            in: directory
        )
        let manager = configuration.makeManager()
        let run = try await manager.start()
        let events = Support.events(turns: 2)
        for event in events { run.hub.emit(event) }
        try await run.flush()
        // A few hundred bytes: far below the sink's write threshold, so only the flush put them there.
        #expect(try Support.uuids(directory.file("t.jsonl")) == events.map(\.uuid))
        await run.stop()
        await manager.close()
    }

    @Test("what a run exported is on disk after its shutdown, before the manager closes the file")
    func onDiskAfterShutdown() async throws {
        let directory = try TemporaryDirectory()
        let configuration = try Support.configuration(
            Support.workflow("output_path: t.jsonl, project: demo, format: atof"),
            in: directory
        )
        let manager = configuration.makeManager()
        let events = Support.events(turns: 2)
        let reports = try await Support.run(manager, events)
        #expect(reports.allSatisfy { $0.completed && $0.statistics.exported == events.count })
        let lines = try Support.lines(directory.file("t.jsonl"))
        #expect(try lines.map { try ATOFCodec.decode(line: Array($0.utf8)).uuid } == events.map(\.uuid))
        await manager.close()
    }
}
