import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program with a pseudo-terminal as its standard input, output and error, so it believes a person sits
/// at a terminal, and lets a test answer its questions.
///
/// The terminal's master side is read by a dedicated thread (blocking reads never run on the concurrency pool);
/// the test waits for text by polling with `Task.sleep`.
final class PseudoTerminalProcess: Sendable {
    /// What the reader thread, the termination handler and the test share.
    private final class State: Sendable {
        let transcript = Mutex<[UInt8]>([])
        let readerDone = Mutex(false)
        let status = Mutex<Int32?>(nil)
        /// Where `expect` continues searching the transcript.
        let cursor = Mutex(0)
    }

    private let master: Int32
    private let pid: Int32
    private let state: State

    /// Starts `executable` with `arguments` in `directory`; `environment` is set on top of this process's.
    init(_ executable: String, _ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, nil) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        self.master = master
        let state = State()
        self.state = state
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.standardInput = terminal
        process.standardOutput = terminal
        process.standardError = terminal
        process.terminationHandler = { child in state.status.withLock { $0 = child.terminationStatus } }
        do {
            try process.run()
        } catch {
            close(slave)
            close(master)
            throw error
        }
        pid = process.processIdentifier
        // Only the child keeps the terminal open now, so the master reads EIO once it exits.
        close(slave)
        let reader = master
        let thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
                if count <= 0 {
                    if count < 0, errno == EINTR { continue }
                    break
                }
                state.transcript.withLock { $0 += buffer[0..<count] }
            }
            state.readerDone.withLock { $0 = true }
        }
        thread.start()
    }

    deinit {
        // A test that failed half-way leaves no program waiting for input behind.
        if state.status.withLock({ $0 }) == nil { kill(pid, SIGKILL) }
        if state.readerDone.withLock({ $0 }) { close(master) }
    }

    /// Everything the program wrote (and the terminal echoed) so far.
    var output: String { state.transcript.withLock { String(decoding: $0, as: UTF8.self) } }

    /// Waits until `text` appears after the previous match, then moves past it.
    func expect(_ text: String, timeout: Duration = .seconds(30)) async throws {
        let needle = Array(text.utf8)
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let found: Int? = state.transcript.withLock { bytes in
                let start = state.cursor.withLock { $0 }
                guard bytes.count >= start + needle.count else { return nil }
                for index in start...(bytes.count - needle.count)
                where bytes[index..<(index + needle.count)].elementsEqual(needle) {
                    return index + needle.count
                }
                return nil
            }
            if let found {
                state.cursor.withLock { $0 = found }
                return
            }
            if state.status.withLock({ $0 }) != nil, state.readerDone.withLock({ $0 }) {
                break
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw PseudoTerminalError(message: "'\(text)' did not appear", transcript: output)
    }

    /// Types `line` and Return.
    func send(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            guard written > 0 else { return }
            offset += written
        }
    }

    /// Waits for the program to exit and its output to be read; returns its status.
    func finish(timeout: Duration = .seconds(60)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let status = state.status.withLock({ $0 }), state.readerDone.withLock({ $0 }) { return status }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw PseudoTerminalError(message: "the program did not exit", transcript: output)
    }
}

/// A pseudo-terminal session that did not go as the test expected.
struct PseudoTerminalError: Error, CustomStringConvertible {
    var message: String
    var transcript: String
    var description: String { "\(message); transcript:\n\(transcript)" }
}
