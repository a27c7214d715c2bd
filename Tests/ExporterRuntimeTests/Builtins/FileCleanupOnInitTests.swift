import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

/// `cleanup_on_init` deletes only what the toolkit deletes: rolled files beyond `max_files` with rolling on, the
/// output file in overwrite mode with rolling off, and never a file that merely looks related.
@Suite("FileCleanupOnInit")
struct FileCleanupOnInitTests {
    typealias Support = FileTestSupport

    /// Files next to `t.jsonl` that the exporter must never delete: they only resemble its rolled files.
    private static let bystanders = ["t.1.jsonl", "t.17.jsonl", "t_notes.jsonl", "t_20260101_000000_00000.jsonl"]

    private func create(_ names: [String], in directory: TemporaryDirectory, modified: [Date]? = nil) throws {
        for (index, name) in names.enumerated() {
            let path = directory.file(name)
            try "\(name)\n".write(toFile: path, atomically: true, encoding: .utf8)
            if let modified {
                try FileManager.default.setAttributes([.modificationDate: modified[index]], ofItemAtPath: path)
            }
        }
    }

    @Test("with rolling off and mode append, cleanup_on_init deletes nothing")
    func appendWithoutRollingKeepsEverything() async throws {
        let directory = try TemporaryDirectory()
        let rolledLooking = "t_20250101_000000_000000.jsonl"
        try create(Self.bystanders + [rolledLooking, "t.jsonl"], in: directory)
        let configuration = try Support.configuration(
            Support.workflow("output_path: t.jsonl, project: demo, cleanup_on_init: true"),
            in: directory
        )
        let manager = configuration.makeManager()
        let events = Support.events(turns: 1)
        _ = try await Support.run(manager, events)
        await manager.close()
        #expect(try Support.names(in: directory.path) == (Self.bystanders + [rolledLooking, "t.jsonl"]).sorted())
        #expect(try Support.lines(directory.file("t.jsonl")).first == "t.jsonl")
        #expect(try Support.lines(directory.file("t.jsonl")).count == events.count + 1)
    }

    @Test("with rolling off and mode overwrite, cleanup_on_init replaces only the output file")
    func overwriteWithoutRollingReplacesOnlyTheFile() async throws {
        let directory = try TemporaryDirectory()
        try create(Self.bystanders + ["t.jsonl"], in: directory)
        let configuration = try Support.configuration(
            Support.workflow("output_path: t.jsonl, project: demo, mode: overwrite, cleanup_on_init: true"),
            in: directory
        )
        let manager = configuration.makeManager()
        let events = Support.events(turns: 1)
        _ = try await Support.run(manager, events)
        await manager.close()
        #expect(try Support.names(in: directory.path) == (Self.bystanders + ["t.jsonl"]).sorted())
        #expect(try Support.uuids(directory.file("t.jsonl")) == events.map(\.uuid))
    }

    @Test("with rolling on, cleanup_on_init keeps the max_files newest rolled files and nothing else goes")
    func rollingKeepsTheNewest() throws {
        let directory = try TemporaryDirectory()
        // Names deliberately out of age order: age is the modification time, as in the toolkit.
        let rolled = [
            "t_20250101_000000_000003.jsonl", "t_20250101_000000_000001.jsonl",
            "t_20250101_000000_000004.jsonl", "t_20250101_000000_000002.jsonl",
        ]
        let now = Date()
        let ages = [now.addingTimeInterval(-400), now.addingTimeInterval(-100), now.addingTimeInterval(-300), now]
        try create(rolled, in: directory, modified: ages)
        try create(Self.bystanders + ["t.jsonl"], in: directory)
        _ = try Support.configuration(
            Support.workflow(
                "output_path: t.jsonl, project: demo, enable_rolling: true, max_files: 2, cleanup_on_init: true"
            ),
            in: directory
        )
        let expected =
            Self.bystanders + ["t.jsonl", "t_20250101_000000_000001.jsonl", "t_20250101_000000_000002.jsonl"]
        #expect(try Support.names(in: directory.path) == expected.sorted())
        // The current file is kept as it is (mode append).
        #expect(try Support.lines(directory.file("t.jsonl")) == ["t.jsonl"])
    }

    @Test("with rolling on and cleanup_on_init off, earlier rolled files stay until the next roll")
    func rollingWithoutCleanupKeepsFilesAtStart() throws {
        let directory = try TemporaryDirectory()
        let rolled = (1...4).map { "t_20250101_000000_00000\($0).jsonl" }
        try create(rolled, in: directory)
        _ = try Support.configuration(
            Support.workflow("output_path: t.jsonl, project: demo, enable_rolling: true, max_files: 1"),
            in: directory
        )
        #expect(try Support.names(in: directory.path) == (rolled + ["t.jsonl"]).sorted())
    }
}
