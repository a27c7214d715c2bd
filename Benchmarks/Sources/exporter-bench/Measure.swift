#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Monotonic nanoseconds (CLOCK_MONOTONIC through the vDSO: about 20 ns a call).
@inline(__always)
func monotonicNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

/// Seconds elapsed since `start` (from ``monotonicNanoseconds()``).
func seconds(since start: UInt64) -> Double {
    Double(monotonicNanoseconds() - start) / 1e9
}

/// The value below which `fraction` of `sorted` lies (nearest rank).
func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
    return sorted[min(max(rank, 0), sorted.count - 1)]
}

/// The median of unsorted samples.
func median(_ samples: [Double]) -> Double {
    percentile(samples.sorted(), 0.5)
}

/// The process's peak resident set size so far, in bytes (`VmHWM` from `/proc/self/status`; `ru_maxrss`
/// elsewhere).
func peakResidentBytes() -> Int {
    #if os(Linux)
    guard let status = readSmallFile("/proc/self/status") else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let digits = line.split(separator: " ").dropFirst().first { Int($0) != nil }
        if let digits, let kilobytes = Int(digits) { return kilobytes * 1024 }
    }
    return 0
    #else
    var usage = rusage()
    getrusage(RUSAGE_SELF, &usage)
    return usage.ru_maxrss
    #endif
}

/// The current resident set size in bytes (`VmRSS`), or nil where `/proc` is missing.
func currentResidentBytes() -> Int? {
    guard let status = readSmallFile("/proc/self/status") else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        let digits = line.split(separator: " ").dropFirst().first { Int($0) != nil }
        if let digits, let kilobytes = Int(digits) { return kilobytes * 1024 }
    }
    return nil
}

/// Resets the peak RSS counter so that a figure measures its own peak (Linux ≥ 4.0: write 5 to clear_refs).
func resetPeakResident() -> Bool {
    let descriptor = open("/proc/self/clear_refs", O_WRONLY)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    return write(descriptor, "5", 1) == 1
}

func readSmallFile(_ path: String) -> String? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 4096) }
        guard count > 0 else { break }
        bytes += chunk[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
}

func fflushStandardOutput() {
    // nil flushes every output stream, stdout included, without naming the global.
    fflush(nil)
}

/// CPU time of the whole process in nanoseconds (every thread): the machine may be shared, and CPU time is what a
/// figure costs regardless of how much of the wall clock other processes took.
func processCPUNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

/// Wall and CPU seconds of one timed stretch.
struct Stopwatch {
    private let wallStart = monotonicNanoseconds()
    private let cpuStart = processCPUNanoseconds()

    /// (wall seconds, process CPU seconds) since the stopwatch was made.
    func read() -> (wall: Double, cpu: Double) {
        (Double(monotonicNanoseconds() - wallStart) / 1e9, Double(processCPUNanoseconds() - cpuStart) / 1e9)
    }
}

/// A rate measured both ways.
struct Rate {
    var perWallSecond: Double
    var perCPUSecond: Double

    init(count: Int, _ elapsed: (wall: Double, cpu: Double)) {
        perWallSecond = Double(count) / elapsed.wall
        perCPUSecond = Double(count) / elapsed.cpu
    }

    /// The median of each.
    static func median(_ rates: [Rate]) -> Rate {
        var rate = rates[0]
        rate.perWallSecond = percentile(rates.map(\.perWallSecond).sorted(), 0.5)
        rate.perCPUSecond = percentile(rates.map(\.perCPUSecond).sorted(), 0.5)
        return rate
    }

    /// `name` (wall clock) and `name_cpu` (per second of process CPU time).
    func figures(_ figure: String, _ name: String, unit: String = "events/s") -> [Figure] {
        [
            Figure(figure: figure, name: name, value: perWallSecond, unit: unit),
            Figure(figure: figure, name: name + "_cpu", value: perCPUSecond, unit: unit),
        ]
    }
}
