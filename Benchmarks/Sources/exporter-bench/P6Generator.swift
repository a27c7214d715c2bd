import Foundation

/// P6: wall time of the `scaffold` binary — `generate` of a spec into an empty directory (every file written), and
/// `check` of the generated package (spec parsed, package rendered in memory, every file hashed and compared) —
/// median of several runs, process start included.
enum GeneratorTiming {
    static func run(scaffold: String, spec: String, runs: Int, directory: String) throws -> [Figure] {
        var generate: [Double] = []
        var check: [Double] = []
        var generateCPU: [Double] = []
        var checkCPU: [Double] = []
        var fileCount = 0
        for attempt in 0..<runs {
            let output = "\(directory)/p6-\(attempt)"
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            let specCopy = output + "/exporter.yaml"
            try FileManager.default.copyItem(atPath: spec, toPath: specCopy)
            let generated = try time(scaffold, ["generate", specCopy])
            generate.append(generated.wall)
            generateCPU.append(generated.cpu)
            let checked = try time(scaffold, ["check", output])
            check.append(checked.wall)
            checkCPU.append(checked.cpu)
            if attempt == 0 { fileCount = countFiles(in: output) - 1 }
            try FileManager.default.removeItem(atPath: output)
        }
        return [
            Figure(figure: "P6", name: "scaffold_generate", value: median(generate) * 1000, unit: "ms"),
            Figure(figure: "P6", name: "scaffold_check", value: median(check) * 1000, unit: "ms"),
            Figure(figure: "P6", name: "scaffold_generate_cpu", value: median(generateCPU) * 1000, unit: "ms"),
            Figure(figure: "P6", name: "scaffold_check_cpu", value: median(checkCPU) * 1000, unit: "ms"),
            Figure(figure: "P6", name: "files_generated", value: Double(fileCount), unit: "files"),
        ]
    }

    /// Wall seconds the command took and the CPU seconds (user + system) it used; throws when it fails (its
    /// diagnostics go to stderr).
    private static func time(_ executable: String, _ arguments: [String]) throws -> (wall: Double, cpu: Double) {
        let cpuBefore = childrenCPUSeconds()
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
        return (elapsed, childrenCPUSeconds() - cpuBefore)
    }

    /// CPU seconds used so far by this process's waited-for children.
    private static func childrenCPUSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        #else
        getrusage(RUSAGE_CHILDREN, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
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
