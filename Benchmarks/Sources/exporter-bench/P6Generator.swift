import Foundation

/// P6: wall time of the `scaffold` binary — `generate` of a spec into an empty directory (every file written), and
/// `check` of the generated package (spec parsed, package rendered in memory, every file hashed and compared) —
/// median of several runs, process start included.
enum GeneratorTiming {
    static func run(scaffold: String, spec: String, runs: Int, directory: String) throws -> [Figure] {
        var generate: [Double] = []
        var check: [Double] = []
        var fileCount = 0
        for attempt in 0..<runs {
            let output = "\(directory)/p6-\(attempt)"
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            let specCopy = output + "/exporter.yaml"
            try FileManager.default.copyItem(atPath: spec, toPath: specCopy)
            generate.append(try time(scaffold, ["generate", specCopy]))
            check.append(try time(scaffold, ["check", output]))
            if attempt == 0 { fileCount = countFiles(in: output) - 1 }
            try FileManager.default.removeItem(atPath: output)
        }
        return [
            Figure(figure: "P6", name: "scaffold_generate", value: median(generate) * 1000, unit: "ms"),
            Figure(figure: "P6", name: "scaffold_check", value: median(check) * 1000, unit: "ms"),
            Figure(figure: "P6", name: "files_generated", value: Double(fileCount), unit: "files"),
        ]
    }

    /// Seconds the command took; throws when it fails (its output is passed through to stderr).
    private static func time(_ executable: String, _ arguments: [String]) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let start = monotonicNanoseconds()
        try process.run()
        process.waitUntilExit()
        let elapsed = seconds(since: start)
        guard process.terminationStatus == 0 else {
            throw BenchError(
                "P6: `scaffold \(arguments.joined(separator: " "))` exited with \(process.terminationStatus)"
            )
        }
        return elapsed
    }

    private static func countFiles(in directory: String) -> Int {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return 0 }
        var count = 0
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                count += 1
            }
        }
        return count
    }
}
