import ExporterCore
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one line reader of traces and dead-letter files: endings, blank lines, the peek, the line limit.
@Suite("LineReader")
struct LineReaderTests {
    private func lines(_ reader: inout LineReader) throws(LineReader.Failure) -> [(String, Int)] {
        var lines: [(String, Int)] = []
        while let line = try reader.withNextLine({ (String(decoding: $0, as: UTF8.self), $1) }) { lines.append(line) }
        return lines
    }

    /// A file holding `text`, opened for reading; the caller closes it.
    private func file(_ text: [UInt8]) throws -> FileDescriptor {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString)").path
        try Data(text).write(to: URL(fileURLWithPath: path))
        defer { unlink(path) }
        return try FileDescriptor.open(path, O_RDONLY)
    }

    @Test("LF and CRLF endings, blank lines skipped, a leading byte order mark skipped, a last line without ending")
    func endings() throws {
        var reader = LineReader(bytes: LineReader.byteOrderMark + Array("a\r\n\n  \r\nb\nc".utf8))
        let read = try lines(&reader)
        #expect(read.map(\.0) == ["a", "b", "c"])
        #expect(read.map(\.1) == [1, 4, 5])
    }

    @Test("a peek returns the next line without consuming it, across reads from a descriptor")
    func peekConsumesNothing() throws {
        let long = String(repeating: "x", count: 200_000)
        let descriptor = try file(Array("\n\(long)\nsecond\n".utf8))
        defer { try? descriptor.close() }
        var reader = LineReader(descriptor)
        #expect(try reader.peekLine { $0?.count } == 200_000)
        let read = try lines(&reader)
        #expect(read.map(\.0.count) == [200_000, 6])
        #expect(read.map(\.1) == [2, 3])
    }

    @Test("a line over the limit fails with its line number, with or without an ending in sight")
    func lineTooLong() throws {
        let text = "ok\n" + String(repeating: "y", count: 300_000) + "\nafter\n"
        let descriptor = try file(Array(text.utf8))
        defer { try? descriptor.close() }
        var reader = LineReader(descriptor, maxLineLength: 1_000)
        #expect(try reader.withNextLine { $1 } == 1)
        #expect(throws: LineReader.Failure.lineTooLong(line: 2, limit: 1_000)) {
            _ = try reader.withNextLine { $1 }
        }
        var short = LineReader(bytes: Array("abc".utf8))
        #expect(try short.withNextLine { line, _ in line.count } == 3)
    }
}
