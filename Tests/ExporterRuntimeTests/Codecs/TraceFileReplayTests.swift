import ExporterDiagnostics
import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Testing

/// `TraceReplayer.replay(contentsOfFile:)`, what generated replay tools stream a trace through: events replayed as
/// read, bad lines skipped and reported, a read failure ending the replay with what was read before it delivered.
@Suite struct TraceFileReplayTests {
    private static func file(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trace-\(UUID().uuidString).jsonl")
        try Data(text.utf8).write(to: url)
        return url
    }

    private static func manager(_ sink: InMemorySink<AgentEvent>) -> ExporterManager {
        let manager = ExporterManager()
        manager.add(
            BlueprintFromClosure { name in ProcessingExporter(name: name, pipeline: PassThrough(), sink: sink) },
            name: "memory"
        )
        return manager
    }

    private static var goodLines: [String] {
        TestEvents.run(root: "run", turns: 2).map { event in
            String(decoding: TraceWriter(format: .atof).encode([event]), as: UTF8.self)
                .trimmingCharacters(in: .newlines)
        }
    }

    @Test func everyGoodLineIsReplayedAndEveryBadOneReported() async throws {
        var lines = Self.goodLines
        lines.insert("{not json", at: 2)
        let url = try Self.file(lines.joined(separator: "\n") + "\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let sink = InMemorySink<AgentEvent>()
        let manager = Self.manager(sink)
        let replay = try await TraceReplayer(manager: manager).replay(contentsOfFile: url.path)
        await manager.close()
        #expect(replay.report.eventCount == Self.goodLines.count)
        #expect(sink.items.count == Self.goodLines.count)
        #expect(replay.diagnostics.count == 1)
        #expect(replay.diagnostics.first?.location?.line == 3)
        #expect(replay.readFailure == nil)
    }

    @Test func aLineLongerThanTheLimitEndsTheReplayWithWhatCameBefore() async throws {
        let lines = Self.goodLines
        let long = "{\"padding\": \"" + String(repeating: "x", count: 4096) + "\"}"
        let url = try Self.file(([lines[0], lines[1], long] + lines.dropFirst(2)).joined(separator: "\n") + "\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let sink = InMemorySink<AgentEvent>()
        let manager = Self.manager(sink)
        let replay = try await TraceReplayer(manager: manager).replay(contentsOfFile: url.path, maxLineLength: 1024)
        await manager.close()
        #expect(replay.report.eventCount == 2)
        #expect(sink.items.count == 2)
        #expect(replay.readFailure?.diagnostics.first?.code == .traceLineTooLong)
        #expect(replay.readFailure?.diagnostics.first?.location?.line == 3)
    }

    @Test func aMissingFileIsTRACE001BeforeAnyExporterStarts() async throws {
        let sink = InMemorySink<AgentEvent>()
        let manager = Self.manager(sink)
        await #expect(throws: DiagnosticError.self) {
            _ = try await TraceReplayer(manager: manager).replay(contentsOfFile: "/nonexistent/trace.jsonl")
        }
        await manager.close()
        #expect(sink.items.isEmpty)
    }
}

/// Hands every event on unchanged.
private struct PassThrough: Processor {
    mutating func process(_ item: AgentEvent, emit: (AgentEvent) async throws -> Void) async throws {
        try await emit(item)
    }
}
