#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How a ``LineReader`` finds line endings and reads more: each byte is scanned once, consumed bytes are dropped
/// before each read, so the buffer never holds much more than the longest line allowed plus one read.
extension LineReader {
    /// The next line, reading more input until its ending (or the end of the input) is in the buffer.
    mutating func locateLine() throws(Failure) -> (content: Range<Int>, next: Int)? {
        while true {
            if !sawStart, buffer.count >= Self.byteOrderMark.count || atEnd {
                sawStart = true
                if buffer.starts(with: Self.byteOrderMark) { start = Self.byteOrderMark.count }
            }
            if sawStart {
                if let newline = newlineIndex(from: start + scanned) {
                    return try line(endingAt: newline, next: newline + 1)
                }
                scanned = buffer.count - start
                if atEnd { return start < buffer.count ? try line(endingAt: buffer.count, next: buffer.count) : nil }
                // Without an ending in sight, the line in progress must already be within the limit.
                if scanned > maxLineLength { throw .lineTooLong(line: nextLineNumber, limit: maxLineLength) }
            }
            try fill()
        }
    }

    /// The index of the first LF at or after `from`; `memchr`, since a line may be megabytes long.
    private func newlineIndex(from: Int) -> Int? {
        buffer.withUnsafeBytes { raw in
            guard from < raw.count, let base = raw.baseAddress,
                let found = memchr(base + from, Int32(UInt8(ascii: "\n")), raw.count - from)
            else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }

    private func line(endingAt end: Int, next: Int) throws(Failure) -> (content: Range<Int>, next: Int) {
        var contentEnd = end
        if contentEnd > start, buffer[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
        if contentEnd - start > maxLineLength { throw .lineTooLong(line: nextLineNumber, limit: maxLineLength) }
        return (start..<contentEnd, next)
    }

    /// Drops the consumed bytes and appends one read's worth.
    private mutating func fill() throws(Failure) {
        guard let descriptor else {
            atEnd = true
            return
        }
        if start > 0 {
            buffer.removeSubrange(..<start)
            start = 0
        }
        // Read into scratch space, then copy what came: one memcpy, where zero-filling the buffer's tail first
        // and trimming it after cost a loop per byte in debug builds.
        let wanted = min(Self.chunkSize, unreadLimit)
        guard wanted > 0 else {
            atEnd = true
            return
        }
        let result = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: wanted) { chunk in
            Result { () throws(FileIOError) in
                let read = try descriptor.read(into: UnsafeMutableRawBufferPointer(chunk))
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<read]))
                return read
            }
        }
        let read: Int
        switch result {
        case .success(let count): read = count
        case .failure(let error): throw .read(error)
        }
        unreadLimit -= read
        bytesRead += read
        if read == 0 { atEnd = true }
    }
}
