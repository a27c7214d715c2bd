import ExporterRuntimeTesting
import Foundation
import Testing

/// The `console` exporter's `color` setting, through `scaffold replay` printing span trees to a real terminal (a
/// pseudo-terminal) or to a pipe: `auto` colours only a terminal, and never when `NO_COLOR` is set.
@Suite("console colour", .serialized)
struct ConsoleColorTests {
    private static let escape = "\u{1B}["
    private static let prefix = "tree| "
    private static let trace = ReplayCommandTests.fixtures.appendingPathComponent("toolkit-trace.jsonl").path

    private enum Output {
        case terminal
        case pipe
    }

    /// The tree lines `scaffold replay --quiet` prints with `color: mode` to `output`.
    private func treeLines(color mode: String, to output: Output, noColor: String) async throws -> [String] {
        let directory = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("workflow.yml")
        try """
        general:
          telemetry:
            tracing:
              console: {_type: console, color: \(mode), prefix: "\(Self.prefix)"}
        """.write(to: config, atomically: true, encoding: .utf8)
        let arguments = ["replay", Self.trace, "--config", config.path, "--quiet"]
        // An empty NO_COLOR counts as unset, so the parent's own setting never decides the outcome.
        let environment = ["NO_COLOR": noColor]
        let text: String
        switch output {
        case .terminal:
            let session = try PseudoTerminalProcess(
                GenerateCommandTests.binary.path,
                arguments,
                in: directory,
                environment: environment
            )
            let status = try await session.finish()
            #expect(status == 0, "\(session.output)")
            text = session.output
        case .pipe:
            let outcome = try await ChildProcess.run(
                GenerateCommandTests.binary.path,
                arguments,
                in: directory,
                environment: environment
            )
            #expect(outcome.status == 0, "\(outcome.output)")
            text = outcome.output
        }
        let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { $0.hasPrefix(Self.prefix) }
        #expect(lines.contains { $0.contains("\"react_agent\"") }, "the tree was printed: \(text)")
        return lines
    }

    @Test("auto colours a terminal")
    func autoOnTerminal() async throws {
        let lines = try await treeLines(color: "auto", to: .terminal, noColor: "")
        #expect(lines.contains { $0.contains(Self.escape) }, "\(lines)")
    }

    @Test("auto writes no colour to a pipe")
    func autoOnPipe() async throws {
        let lines = try await treeLines(color: "auto", to: .pipe, noColor: "")
        #expect(!lines.contains { $0.contains(Self.escape) }, "\(lines)")
    }

    @Test("auto writes no colour to a terminal when NO_COLOR is set")
    func noColorOnTerminal() async throws {
        let lines = try await treeLines(color: "auto", to: .terminal, noColor: "1")
        #expect(!lines.contains { $0.contains(Self.escape) }, "\(lines)")
    }

    @Test("always colours even a pipe; never leaves a terminal plain")
    func alwaysAndNever() async throws {
        let always = try await treeLines(color: "always", to: .pipe, noColor: "1")
        #expect(always.contains { $0.contains(Self.escape) }, "\(always)")
        let never = try await treeLines(color: "never", to: .terminal, noColor: "")
        #expect(!never.contains { $0.contains(Self.escape) }, "\(never)")
    }
}
