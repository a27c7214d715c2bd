/// Splits JSON Lines text read from a descriptor (or held in memory) into lines, in memory bounded by the longest
/// line allowed rather than by the size of the input.
///
/// LF or CRLF endings; blank (whitespace-only) lines are skipped; line numbers are 1-based; a UTF-8 byte order
/// mark at the very start (as some Windows editors save) is skipped rather than made part of line 1. The reader
/// keeps what it has read and not yet handed out in its own buffer, so ``peekLine(_:)`` (the format sniff) looks
/// at the next line without consuming it: a pipe, which cannot be read twice, loses nothing to the sniff.
package struct LineReader {
    /// Why the next line could not be read.
    package enum Failure: Error, Sendable, Hashable {
        /// The descriptor could not be read.
        case read(FileIOError)
        /// Line `line` holds more than `limit` bytes without an end; the reader stops there, since skipping it
        /// could mean reading forever (`/dev/zero`).
        case lineTooLong(line: Int, limit: Int)
    }

    /// The UTF-8 encoding of U+FEFF.
    package static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// The default ``maxLineLength``: 64 MiB, far above any real event, far below what would exhaust memory.
    package static let defaultMaxLineLength = 64 << 20
    /// Bytes asked of the descriptor per read.
    static let chunkSize = 64 << 10

    // The state is internal, not private, for the buffer management in LineReader+Buffer.swift.
    /// The source, or nil when every byte is in the buffer already.
    let descriptor: FileDescriptor?
    /// The most bytes a line (without its ending) may hold.
    package let maxLineLength: Int
    /// Bytes read and not yet consumed start at ``start``.
    var buffer: [UInt8] = []
    var start = 0
    /// How far after ``start`` a line ending was already looked for in vain, so each byte is scanned once.
    var scanned = 0
    var atEnd = false
    var sawStart = false
    /// The number of the line the next line ending ends.
    var nextLineNumber = 1
    /// Bytes the descriptor may still be asked for: the reader treats the input as ending there.
    var unreadLimit: Int
    /// Bytes read from the descriptor so far.
    var bytesRead = 0

    /// Reads lines from `descriptor`, which the caller keeps open and closes; at most `byteLimit` bytes of it
    /// (a file that others append to, read up to the size it had).
    package init(
        _ descriptor: FileDescriptor,
        maxLineLength: Int = LineReader.defaultMaxLineLength,
        byteLimit: Int = .max
    ) {
        self.descriptor = descriptor
        self.maxLineLength = max(1, maxLineLength)
        unreadLimit = max(0, byteLimit)
    }

    /// Reads lines from bytes already in memory; no line is too long.
    package init(bytes: [UInt8]) {
        descriptor = nil
        maxLineLength = Int.max
        buffer = bytes
        atEnd = true
        unreadLimit = 0
        bytesRead = bytes.count
    }

    /// Where the next unconsumed byte is in the input (blank lines and a skipped byte order mark count as
    /// consumed): what the lines handed out so far and their endings span.
    package var offset: Int { bytesRead - (buffer.count - start) }

    /// Calls `body` with the next non-blank line (without its ending) and its number, and consumes it; nil at
    /// the end of the input.
    package mutating func withNextLine<R>(
        _ body: (UnsafeBufferPointer<UInt8>, Int) -> R
    ) throws(Failure) -> R? {
        guard let line = try locateNonBlankLine() else { return nil }
        defer {
            start = line.next
            scanned = 0
            nextLineNumber += 1
        }
        let number = nextLineNumber
        return buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[line.content]), number) }
    }

    /// Calls `body` with the next non-blank line, or nil at the end of the input, without consuming it.
    package mutating func peekLine<R>(_ body: (UnsafeBufferPointer<UInt8>?) -> R) throws(Failure) -> R {
        guard let line = try locateNonBlankLine() else { return body(nil) }
        return buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[line.content])) }
    }

    /// The next non-blank line's content range and where the line after it starts; the blank lines before it are
    /// consumed (they are never handed out, so no caller can tell).
    private mutating func locateNonBlankLine() throws(Failure) -> (content: Range<Int>, next: Int)? {
        while let line = try locateLine() {
            let isBlank = buffer[line.content].allSatisfy {
                $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r")
            }
            guard isBlank else { return line }
            start = line.next
            scanned = 0
            nextLineNumber += 1
        }
        return nil
    }
}
