import Foundation

/// `Scripts/otlp-decode.py` run by the Python named in `OTLP_DECODER` (default `/tmp/otlp-venv/bin/python`), which
/// must have the reference `opentelemetry-proto` package: an independent parser for what the exporter sends.
enum OTLPReferenceDecoder {
    static let python = ProcessInfo.processInfo.environment["OTLP_DECODER"] ?? "/tmp/otlp-venv/bin/python"

    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: python) }

    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scripts/otlp-decode.py").path

    /// The body decoded by the reference package and printed as OTLP/JSON (sorted keys), and the exit status.
    static func decode(_ body: [UInt8], json: Bool) async throws -> (status: Int32, output: String) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("otlp-decode-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bodyURL = directory.appendingPathComponent("body")
        let outputURL = directory.appendingPathComponent("out")
        try Data(body).write(to: bodyURL)
        try Data().write(to: outputURL)
        let output = try FileHandle(forWritingTo: outputURL)
        defer { try? output.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script] + (json ? ["--json"] : []) + [bodyURL.path]
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
        return (status, try String(contentsOf: outputURL, encoding: .utf8))
    }
}
