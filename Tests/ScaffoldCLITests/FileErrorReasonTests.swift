import ExporterCore
import ExporterRuntimeTesting
import Foundation
import Testing

/// File errors reach users as the operating system's reason, never as `NSCocoaErrorDomain error 256`.
@Suite("File error reasons")
struct FileErrorReasonTests {
    @Test(
        "Foundation's codes map to the system's words",
        arguments: [
            (CocoaError.Code.fileReadNoSuchFile, "no such file or directory"),
            (.fileNoSuchFile, "no such file or directory"),
            (.fileReadNoPermission, "permission denied"),
            (.fileWriteNoPermission, "permission denied"),
            (.fileWriteOutOfSpace, "no space left on device"),
            (.fileWriteVolumeReadOnly, "read-only file system"),
            (.fileReadInapplicableStringEncoding, "it is not valid UTF-8 text"),
        ]
    )
    func cocoaCodes(code: CocoaError.Code, reason: String) {
        #expect(FileErrorReason.describe(CocoaError(code)) == reason)
    }

    @Test("an unknown read or write error of a directory says it is a directory; POSIX errors say what errno says")
    func directoriesAndErrno() throws {
        let directory = FileManager.default.temporaryDirectory.path
        #expect(FileErrorReason.describe(CocoaError(.fileReadUnknown), path: directory) == "is a directory")
        #expect(FileErrorReason.describe(CocoaError(.fileWriteUnknown), path: directory) == "is a directory")
        #expect(FileErrorReason.describe(POSIXError(.ENOSPC)) == "no space left on device")
        let underlying = NSError(
            domain: NSCocoaErrorDomain,
            code: 512,
            userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EISDIR))]
        )
        #expect(FileErrorReason.describe(underlying) == "is a directory")
        #expect(!FileErrorReason.describe(CocoaError(.fileWriteUnknown)).contains("NSCocoaErrorDomain"))
        do {
            _ = try String(contentsOfFile: directory, encoding: .utf8)
            Issue.record("reading a directory succeeded")
        } catch {
            #expect(FileErrorReason.describe(error, path: directory) == "is a directory")
        }
    }

    @Test("the CLI names the path and the reason: a directory as a workflow config or a spec, a missing file")
    func cliMessages() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let trace = ReplayCommandTests.fixtures.appendingPathComponent("toolkit-trace.jsonl").path
        let replay = try await GenerateCommandTests.run(["replay", trace, "--config", root.path], in: root)
        #expect(replay.status == 2)
        #expect(replay.output.contains("error[CLI003]: cannot read config '\(root.path)': is a directory"))
        #expect(!replay.output.contains("NSCocoaErrorDomain"), "\(replay.output)")
        let missing = try await GenerateCommandTests.run(["replay", trace, "--config", "nope.yml"], in: root)
        #expect(missing.status == 2)
        #expect(missing.output.contains("'nope.yml': no such file or directory"), "\(missing.output)")
        let generate = try await GenerateCommandTests.run(["generate", root.path], in: root)
        #expect(generate.status == 2)
        #expect(generate.output.contains("is a directory"), "\(generate.output)")
    }

    @Test("--shutdown-timeout longer than an otelcollector's default limit is refused, not silently cut to 10 s")
    func shutdownTimeoutOverDefaultLimit() async throws {
        let root = try GenerateCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let config = root.appendingPathComponent("workflow.yml")
        func write(_ extra: String) throws {
            try Data(
                ("general:\n  telemetry:\n    tracing:\n      otel:\n        _type: otelcollector\n"
                    + "        endpoint: http://127.0.0.1:9/v1/traces\n" + extra).utf8
            )
            .write(to: config)
        }
        try write("")
        let trace = ReplayCommandTests.fixtures.appendingPathComponent("toolkit-trace.jsonl").path
        let refused = try await GenerateCommandTests.run(
            ["replay", trace, "--config", config.path, "--shutdown-timeout", "60"],
            in: root
        )
        #expect(refused.status == 2, "\(refused.output)")
        #expect(refused.output.contains("REPLAY004"), "\(refused.output)")
        #expect(refused.output.contains("exporter 'otel'") && refused.output.contains("shutdown_timeout"))
        // Within the limit, or the section choosing its own: accepted (the replay then runs; the closed port makes
        // its exports fail, exit 1, which is not a refusal).
        try write("        timeout: 100ms\n")
        let within = try await GenerateCommandTests.run(
            ["replay", trace, "--config", config.path, "--shutdown-timeout", "1"],
            in: root
        )
        #expect(within.status != 2, "\(within.output)")
        try write("        timeout: 100ms\n        shutdown_timeout: 1s\n")
        let chosen = try await GenerateCommandTests.run(
            ["replay", trace, "--config", config.path, "--shutdown-timeout", "60"],
            in: root
        )
        #expect(chosen.status != 2, "\(chosen.output)")
        #expect(!chosen.output.contains("REPLAY004"))
    }
}
