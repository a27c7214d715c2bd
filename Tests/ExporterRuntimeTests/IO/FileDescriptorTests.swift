import ExporterCore
import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one file-descriptor helper every sink writes and reads through.
@Suite("FileDescriptor")
struct FileDescriptorTests {
    /// Far more than a pipe holds (64 KiB on Linux, 16 KiB on macOS), and not a multiple of any chunk size.
    private static let large = (0..<(1 << 20) + 12_345).map { UInt8(truncatingIfNeeded: $0 &* 31) }

    @Test("writeAll to a pipe goes on through short writes until a reader has taken every byte")
    func writeAllToPipe() throws {
        var ends: [Int32] = [-1, -1]
        try #require(pipe(&ends) == 0)
        let reader = FileDescriptor(rawValue: ends[0], path: "<pipe read>")
        let writer = FileDescriptor(rawValue: ends[1], path: "<pipe write>")
        defer { try? reader.close() }
        let failure = Mutex<FileIOError?>(nil)
        // The write blocks until the reader drains the pipe, so it runs on a thread of its own.
        let thread = Thread {
            do throws(FileIOError) {
                try writer.writeAll(Self.large)
            } catch {
                failure.withLock { $0 = error }
            }
            try? writer.close()
        }
        thread.start()
        let received = try reader.readAll()
        #expect(failure.withLock { $0 } == nil)
        #expect(received.count == Self.large.count)
        #expect(received == Self.large)
    }

    @Test(
        "a write to /dev/full fails with ENOSPC, naming the operation and the path",
        .enabled(if: FileManager.default.fileExists(atPath: "/dev/full"))
    )
    func writeToFullDevice() throws {
        let full = try FileDescriptor.open("/dev/full", O_WRONLY)
        defer { try? full.close() }
        var written = 0
        #expect(throws: FileIOError(.write, path: "/dev/full", errno: ENOSPC)) {
            try full.writeAll(Array("record\n".utf8), written: &written)
        }
        #expect(written == 0)
        let error = FileIOError(.write, path: "/dev/full", errno: ENOSPC)
        #expect(error.description == "cannot write '/dev/full': \(String(cString: strerror(ENOSPC)))")
    }

    @Test("readAll returns a file's bytes across several reads, and nothing for an empty file")
    func readAllOfFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("data.bin")
        try Data(Self.large).write(to: URL(fileURLWithPath: path))
        let file = try FileDescriptor.open(path, O_RDONLY)
        defer { try? file.close() }
        #expect(try file.readAll() == Self.large)

        let empty = try FileDescriptor.open(directory.file("empty"), O_RDWR | O_CREAT)
        defer { try? empty.close() }
        #expect(try empty.readAll().isEmpty)
    }

    @Test("writeAll then readAll round-trips through a file opened for both")
    func roundTrip() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("round")
        let file = try FileDescriptor.open(path, O_RDWR | O_CREAT | O_TRUNC)
        defer { try? file.close() }
        try file.writeAll(Self.large)
        try file.sync()
        #expect(lseek(file.rawValue, 0, SEEK_SET) == 0)
        #expect(try file.readAll() == Self.large)
    }

    @Test("open of a missing file reports open, the path and ENOENT")
    func openMissing() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("missing")
        #expect(throws: FileIOError(.open, path: path, errno: ENOENT)) {
            try FileDescriptor.open(path, O_RDONLY)
        }
    }

    @Test("close of a descriptor that is not open reports close, the path and EBADF")
    func closeError() {
        // -1 is never a descriptor, so nothing another test opened can be closed by mistake.
        let invalid = FileDescriptor(rawValue: -1, path: "nowhere")
        #expect(throws: FileIOError(.close, path: "nowhere", errno: EBADF)) { try invalid.close() }
        #expect(throws: FileIOError(.fsync, path: "nowhere", errno: EBADF)) { try invalid.sync() }
        #expect(throws: FileIOError(.read, path: "nowhere", errno: EBADF)) { try invalid.readAll() }
    }
}
