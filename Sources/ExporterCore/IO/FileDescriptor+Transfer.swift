#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension FileDescriptor {
    /// Writes every byte, across short writes and signals.
    package func writeAll(_ bytes: [UInt8]) throws(FileIOError) {
        var written = 0
        try writeAll(bytes, written: &written)
    }

    /// Writes every byte, across short writes and signals, adding to `written` the bytes that reached the file,
    /// so that a caller keeping its bytes for a retry knows, after a failure, which ones are still to go.
    package func writeAll(_ bytes: [UInt8], written: inout Int) throws(FileIOError) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                write(rawValue, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileIOError(.write, path: path, errno: errno)
            }
            offset += count
            written += count
        }
    }

    /// Reads until the end of the file, across short reads and signals.
    package func readAll() throws(FileIOError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(rawValue, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileIOError(.read, path: path, errno: errno)
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }
}

extension FileDescriptor {
    /// Reads at most `buffer.count` bytes, retrying after a signal; 0 at the end of the file.
    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(FileIOError) -> Int {
        while true {
            let count = systemRead(rawValue, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            guard errno == EINTR else { throw FileIOError(.read, path: path, errno: errno) }
        }
    }

    /// True when the descriptor is a regular file, which can be read twice (a pipe, a FIFO or a terminal cannot).
    package var isRegularFile: Bool {
        var status = stat()
        guard fstat(rawValue, &status) == 0 else { return false }
        return (status.st_mode & S_IFMT) == S_IFREG
    }

    /// Moves back to the start of the file, for a second pass over a regular file.
    package func rewind() throws(FileIOError) {
        guard lseek(rawValue, 0, SEEK_SET) != 0 else { return }
        throw FileIOError(.read, path: path, errno: errno)
    }
}

extension FileDescriptor {
    /// Appends the bytes at `range` of this file (read with `pread`, so the file offset stays where it was) to
    /// `output`, a chunk at a time, so that copying gigabytes takes no more memory than copying kilobytes.
    package func copyBytes(_ range: Range<Int>, to output: FileDescriptor) throws(FileIOError) {
        var position = range.lowerBound
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while position < range.upperBound {
            let wanted = min(chunk.count, range.upperBound - position)
            let count = chunk.withUnsafeMutableBytes { pread(rawValue, $0.baseAddress, wanted, off_t(position)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileIOError(.read, path: path, errno: errno)
            }
            // The file is shorter than the range: it was truncated underneath; report it as a failed read.
            if count == 0 { throw FileIOError(.read, path: path, errno: EIO) }
            try output.writeAll(Array(chunk[..<count]))
            position += count
        }
    }
}

// The method `read(into:)` shadows the C function inside the type's extensions.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
