import Foundation

/// Runs a program to completion for a test without blocking a thread of the Swift concurrency pool.
///
/// Blocking calls such as `Process.waitUntilExit()` or reading a pipe to its end hold a cooperative thread for as
/// long as the child runs; with two cores, two such tests starve every other test's timers. Here the child's
/// output goes to a temporary file (no pipe can fill up) and the caller is resumed from the termination handler.
public enum ChildProcess {
    /// What a finished child left behind.
    public struct Outcome: Sendable {
        /// The exit status (or the signal number when it was killed).
        public var status: Int32
        /// Standard output and standard error, interleaved as written.
        public var output: String
    }

    /// Runs `executable` with `arguments` and returns its status and combined output.
    ///
    /// - Parameters:
    ///   - executable: the program; a bare name is looked up on `PATH` through `/usr/bin/env`.
    ///   - arguments: its arguments.
    ///   - directory: its working directory; the current one when `nil`.
    ///   - environment: variables set on top of this process's environment.
    public static func run(
        _ executable: String,
        _ arguments: [String],
        in directory: URL? = nil,
        environment: [String: String] = [:]
    ) async throws -> Outcome {
        let outputURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("child-output-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: outputURL.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: outputURL.path])
        }
        defer { try? FileManager.default.removeItem(at: outputURL) }
        let output = try FileHandle(forWritingTo: outputURL)
        defer { try? output.close() }

        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        let status = try await withCheckedThrowingContinuation {
            (continuation: CheckedContinuation<Int32, any Error>) in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        let data = (try? Data(contentsOf: outputURL)) ?? Data()
        return Outcome(status: status, output: String(decoding: data, as: UTF8.self))
    }
}
