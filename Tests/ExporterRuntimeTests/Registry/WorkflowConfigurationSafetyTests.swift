import ExporterDiagnostics
import ExporterRuntime
import ExporterYAML
import Foundation
import Testing

@testable import ExporterCore

/// What a workflow file cannot do: blow up through aliases, or destroy an input by writing to it.
@Suite("WorkflowConfigurationSafety")
struct WorkflowConfigurationSafetyTests {
    private static let tracing = "general:\n  telemetry:\n    tracing:\n      console: {_type: console}\n"

    private func timed(_ body: () throws -> Void) -> (DiagnosticError?, Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        var failure: DiagnosticError?
        do { try body() } catch let error as DiagnosticError { failure = error } catch {
            Issue.record("unexpected \(error)")
        }
        return (failure, clock.now - start)
    }

    @Test("a string alias bomb in a toolkit section is refused in well under a second")
    func longStringBombRefused() {
        let scalar = "${HOME}" + String(repeating: "x", count: 100_000)
        let aliases = Array(repeating: "*a", count: 2_000).joined(separator: ", ")
        let yaml = "x-long: &a \"\(scalar)\"\nx-copies: [\(aliases)]\n" + Self.tracing
        let (failure, elapsed) = timed { _ = try WorkflowConfiguration.parse(yaml, environment: ["HOME": "/root"]) }
        #expect(elapsed < .seconds(1), "took \(elapsed)")
        #expect(failure?.diagnostics.map(\.code) == [.yamlAliasExpansionLimit])
        #expect(failure?.diagnostics.first?.location?.line == 2)
    }

    @Test("a nested alias bomb of '$x ${HOME}' strings is handled in well under a second, in or out of tracing")
    func nestedBombHandledQuickly() throws {
        var lines = ["x-l0: &l0 [\(Array(repeating: "\"$x ${HOME}\"", count: 9).joined(separator: ", "))]"]
        for level in 1..<6 {
            lines.append(
                "x-l\(level): &l\(level) [\(Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", "))]"
            )
        }
        let bomb = lines.joined(separator: "\n") + "\n"
        let (outside, outsideElapsed) = timed {
            _ = try WorkflowConfiguration.parse(bomb + Self.tracing, environment: ["HOME": "/root"])
        }
        #expect(outside == nil)
        #expect(outsideElapsed < .seconds(1), "took \(outsideElapsed)")
        // Inside an exporter section the bomb is interpolated (once per written node) and refused as unknown.
        let inside = bomb + "general:\n  telemetry:\n    tracing:\n      console: {_type: console, extra: *l4}\n"
        let (failure, insideElapsed) = timed {
            _ = try WorkflowConfiguration.parse(inside, environment: ["HOME": "/r"])
        }
        #expect(failure?.diagnostics.map(\.code) == [.yamlUnknownKey])
        #expect(insideElapsed < .seconds(1), "took \(insideElapsed)")
    }

    @Test("an exporter that would write a protected file is refused before any file is opened")
    func protectedOutputRefused() throws {
        let directory = try TemporaryDirectory()
        let trace = directory.file("self.jsonl")
        let other = directory.file("other.jsonl")
        try "{\"keep\": 1}\n".write(toFile: trace, atomically: true, encoding: .utf8)
        try "{\"keep\": 2}\n".write(toFile: other, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: directory.file("link.jsonl"), withDestinationPath: trace)
        for written in ["self.jsonl", "./sub/../self.jsonl", "link.jsonl"] {
            try FileManager.default.createDirectory(atPath: directory.file("sub"), withIntermediateDirectories: true)
            let yaml = """
                general:
                  telemetry:
                    tracing:
                      first: {_type: file, output_path: other.jsonl, mode: overwrite}
                      loop: {_type: file, output_path: \(written), mode: overwrite}
                """
            let (failure, _) = timed {
                _ = try WorkflowConfiguration.parse(yaml, baseDirectory: directory.path, protectedPaths: [trace])
            }
            #expect(failure?.diagnostics.map(\.code) == [.configurationUnusablePath], "\(written)")
            #expect(failure?.diagnostics.first?.message.contains("exporter 'loop' would write to") == true)
            #expect(failure?.diagnostics.first?.location?.line == 5)
        }
        #expect(try String(contentsOfFile: trace, encoding: .utf8) == "{\"keep\": 1}\n")
        // The other exporter was not built either: its file, in overwrite mode, was not truncated.
        #expect(try String(contentsOfFile: other, encoding: .utf8) == "{\"keep\": 2}\n")
    }

    @Test("a configuration error in one section opens no file of another")
    func errorsOpenNoFiles() throws {
        let directory = try TemporaryDirectory()
        let kept = directory.file("kept.jsonl")
        try "{\"keep\": 1}\n".write(toFile: kept, atomically: true, encoding: .utf8)
        let yaml = """
            general:
              telemetry:
                tracing:
                  first: {_type: file, output_path: kept.jsonl, mode: overwrite}
                  broken: {_type: file, output_path: b.jsonl, mode: apend}
            """
        let (failure, _) = timed { _ = try WorkflowConfiguration.parse(yaml, baseDirectory: directory.path) }
        #expect(failure?.diagnostics.map(\.code) == ["YAML014"])
        #expect(try String(contentsOfFile: kept, encoding: .utf8) == "{\"keep\": 1}\n")
    }
}
