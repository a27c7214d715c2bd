import ExporterRuntimeTesting
import Foundation
import Testing

/// `scaffold replay`'s peak memory does not grow with the trace: two traces 10× apart, measured on the child by
/// `/usr/bin/time` (the kernel's maximum resident set size).
@Suite("ReplayMemory", .serialized)
struct ReplayMemoryTests {
    /// The `maxrss=KiB` line `/usr/bin/time -f maxrss=%M` printed, in bytes.
    static func maxRSS(_ output: String) -> Int? {
        output.split(separator: "\n").last { $0.hasPrefix("maxrss=") }
            .flatMap { Int($0.dropFirst("maxrss=".count)) }
            .map { $0 << 10 }
    }

    /// `copies` copies of the toolkit trace, each with its own event ids, so the trace is as varied as a real one.
    private func trace(copies: Int, at path: String) throws {
        let lines = try String(contentsOfFile: ReplayStreamTests.trace, encoding: .utf8)
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let file = FileHandle(forWritingAtPath: path)
        else { throw CocoaError(.fileWriteUnknown) }
        defer { try? file.close() }
        for copy in 0..<copies {
            let renamed = lines.replacingOccurrences(of: "\"UUID\":\"", with: "\"UUID\":\"c\(copy)-")
                .replacingOccurrences(of: "\"parent_id\":\"", with: "\"parent_id\":\"c\(copy)-")
            try file.write(contentsOf: Data(renamed.utf8))
        }
    }

    private func peak(copies: Int, in directory: URL, config: String, stdin: Bool) async throws -> (Int, Int) {
        let path = directory.appendingPathComponent("trace-\(copies).jsonl").path
        try trace(copies: copies, at: path)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        let command =
            "/usr/bin/time -f maxrss=%M \"$SCAFFOLD\" replay \(stdin ? "-" : "\"$TRACE\"") --config \"$CONFIG\""
        let outcome = try await ChildProcess.run(
            "/bin/sh",
            ["-c", command + " --quiet" + (stdin ? " < \"$TRACE\"" : "")],
            environment: ["SCAFFOLD": GenerateCommandTests.binary.path, "TRACE": path, "CONFIG": config]
        )
        #expect(outcome.status == 0, "\(outcome.output)")
        let written = try String(contentsOfFile: directory.appendingPathComponent("out.jsonl").path, encoding: .utf8)
        #expect(written.utf8.count(where: { $0 == UInt8(ascii: "\n") }) == copies * 25)
        try FileManager.default.removeItem(atPath: path)
        return (size, try #require(Self.maxRSS(outcome.output)))
    }

    @Test("peak RSS of a trace 10× larger stays within a loose bound of the smaller one's", arguments: [false, true])
    func peakDoesNotGrowWithTrace(stdin: Bool) async throws {
        let (directory, config, _) = try ReplayInputFaultTests.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (smallSize, small) = try await peak(copies: 20, in: directory, config: config, stdin: stdin)
        let (largeSize, large) = try await peak(copies: 200, in: directory, config: config, stdin: stdin)
        print(
            "replay \(stdin ? "stdin" : "file"): \(smallSize >> 10) KiB trace peak \(small >> 10) KiB; "
                + "\(largeSize >> 10) KiB trace peak \(large >> 10) KiB"
        )
        // Holding the trace would add several times its 3.5 MiB of growth; event ids (for the roots) are allowed.
        #expect(large - small < 8 << 20, "small \(small >> 10) KiB, large \(large >> 10) KiB")
    }
}
