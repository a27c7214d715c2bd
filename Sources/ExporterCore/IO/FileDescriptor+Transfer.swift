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
            let count = chunk.withUnsafeMutableBytes { read(rawValue, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileIOError(.read, path: path, errno: errno)
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }
}
