import CZlib
import ExporterHTTPTesting
import ExporterRuntime
import ExporterRuntimeTesting
import Foundation
import Logging
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shared pieces of the transport tests.
enum TransportFixture {
    /// Retries in milliseconds, so that fault tests stay fast.
    static let fastRetry = RetryPolicy(
        maxAttempts: 6,
        initialBackoff: .milliseconds(10),
        maxBackoff: .milliseconds(40),
        deadline: .seconds(5)
    )

    static func endpoint(_ server: LoopbackHTTPServer, path: String = "/v1/traces") throws -> URL {
        try #require(server.url(path: path))
    }

    static func payload(_ text: String = #"{"resourceSpans":[]}"#, items: Int = 2) -> HTTPPayload {
        HTTPPayload(body: Array(text.utf8), contentType: "application/json", itemCount: items)
    }

    /// A port on 127.0.0.1 that was bound and closed again, so that connecting to it is refused.
    static func closedPort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(bound == 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func temporaryPath(_ name: String) -> String {
        NSTemporaryDirectory() + "transport-test-\(UUID().uuidString)-\(name)"
    }

    /// Inflates with zlib directly, independent of the code under test.
    static func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        try #require(inflateInit2_(&stream, 31, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK)
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: 1 << 22)
        var input = bytes
        let status = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = uInt(inputBuffer.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = uInt(outputBuffer.count)
                return inflate(&stream, Z_FINISH)
            }
        }
        try #require(status == Z_STREAM_END)
        return Array(output[..<Int(stream.total_out)])
    }
}

/// A fake clock whose sleeps return at once and advance it, recording every wait.
final class ManualRetryClock: Sendable {
    private struct State {
        var uptime: Duration = .zero
        var sleeps: [Duration] = []
    }

    private let state = Mutex(State())
    let wallClock: Timestamp

    init(wallClock: Timestamp = Timestamp(nanosecondsSinceEpoch: 1_700_000_000_000_000_000)) {
        self.wallClock = wallClock
    }

    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    func environment(unit: Double) -> RetryEnvironment {
        RetryEnvironment(
            uptime: { self.state.withLock { $0.uptime } },
            wallClock: { self.wallClock },
            sleep: { duration in
                self.state.withLock { state in
                    state.uptime += duration
                    state.sleeps.append(duration)
                }
            },
            unitRandom: { unit }
        )
    }
}

/// Collects log records, to check what the sink logs (and that secrets stay out of it).
final class LogCapture: Sendable {
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    private let records = Mutex<[Record]>([])

    var all: [Record] { records.withLock { $0 } }

    func append(_ record: Record) {
        records.withLock { $0.append(record) }
    }

    var logger: Logger {
        Logger(label: "transport-test") { _ in Handler(capture: self) }
    }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            capture.append(
                Record(
                    level: event.level,
                    message: "\(event.message)",
                    metadata: merged.mapValues { "\($0)" }
                )
            )
        }
    }
}
