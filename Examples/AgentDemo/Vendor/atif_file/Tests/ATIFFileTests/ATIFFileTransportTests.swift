// Tests of the user-owned transport (Sources/ATIFFile/ATIFFileTransport.swift). This file is yours too:
// `scaffold generate` never writes it.

import ExporterATIF
import ExporterCore
import ExporterEvents
import ExporterRuntimeTesting
import Foundation
import Testing

@testable import ATIFFile

@Suite("ATIFFile transport")
struct ATIFFileTransportTests {
    /// A fresh directory for one test's trajectories.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("atif-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The JSON object in `url`.
    static func object(at url: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: url)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("one trajectory file per root scope, relative to the workflow's directory; open runs written at close")
    func oneFilePerRun() async throws {
        let base = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: base) }
        let blueprint = try ATIFFileEventExporter(
            configuration: ATIFFileConfiguration(outputDir: "trajectories", agentVersion: "2.0.0"),
            context: ExporterBuildContext(name: "atif_file", baseDirectory: base.path)
        )
        let exporter = try blueprint.makeExporter(name: "run")
        try await exporter.start()
        let unfinished = TestEvents.run(root: "run-c", turns: 1)
        #expect(unfinished.last?.uuid == "run-c" && unfinished.last?.phase == .end)
        for event in TestEvents.run(root: "run-a", turns: 2) + TestEvents.run(root: "run-b", turns: 1)
            + unfinished.dropLast()
        {
            exporter.receive(event)
        }
        let report = await exporter.shutdown(timeout: .seconds(30))
        // run-c's events wait in the transport until its trajectory is written at close: not exported yet.
        let finishedEvents =
            TestEvents.run(root: "run-a", turns: 2).count + TestEvents.run(root: "run-b", turns: 1).count
        #expect(report.statistics.exported == finishedEvents)
        #expect(report.abandonedItems == unfinished.count - 1)
        #expect(!report.completed)
        #expect(report.statistics.failed == 0)
        let directory = base.appendingPathComponent("trajectories")
        let written = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(written == ["run-a.json", "run-b.json"], "finished runs are written when their root scope ends")

        await blueprint.close()
        let all = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(all == ["run-a.json", "run-b.json", "run-c.json"])
        for name in all {
            let trajectory = try Self.object(at: directory.appendingPathComponent(name))
            #expect(trajectory["session_id"] as? String == String(name.dropLast(5)))
            #expect(((trajectory["agent"] as? [String: Any])?["version"] as? String) == "2.0.0")
            let steps = try #require(trajectory["steps"] as? [[String: Any]])
            #expect(steps.contains { $0["source"] as? String == "agent" }, "\(name): \(steps)")
        }
        let open = try Self.object(at: directory.appendingPathComponent("run-c.json"))
        #expect((open["notes"] as? String)?.contains("unfinished") == true)
        let runA = try Self.object(at: directory.appendingPathComponent("run-a.json"))
        #expect(runA["notes"] == nil)
    }

    @Test("events whose trajectory cannot be written count as failed, not exported")
    func unwritableTrajectoryCountsItsEventsFailed() async throws {
        let base = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: base) }
        let blueprint = try ATIFFileEventExporter(
            configuration: ATIFFileConfiguration(outputDir: "trajectories"),
            context: ExporterBuildContext(name: "atif_file", baseDirectory: base.path)
        )
        // The directory is gone and a file stands in its place: every trajectory write fails.
        let directory = base.appendingPathComponent("trajectories")
        try? FileManager.default.removeItem(at: directory)
        try Data("x".utf8).write(to: directory)
        let exporter = try blueprint.makeExporter(name: "run")
        try await exporter.start()
        let events = TestEvents.run(root: "run-a", turns: 2) + TestEvents.run(root: "run-b", turns: 1)
        for event in events { exporter.receive(event) }
        let report = await exporter.shutdown(timeout: .seconds(30))
        await blueprint.close()
        #expect(report.statistics.exported == 0)
        #expect(report.statistics.failed == events.count)
        #expect(try Data(contentsOf: directory) == Data("x".utf8))
    }

    @Test("an output_dir that cannot be created is a configuration error naming the exporter")
    func unusableDirectory() throws {
        let base = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: base) }
        let blocker = base.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        #expect {
            _ = try ATIFFileEventExporter(
                configuration: ATIFFileConfiguration(outputDir: "file/trajectories"),
                context: ExporterBuildContext(name: "traj", baseDirectory: base.path)
            )
        } throws: { error in
            String(describing: error).contains("exporter 'traj'")
        }
    }
}
