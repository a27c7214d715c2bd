import CZlib

/// gzip (RFC 1952) through zlib, for `Content-Encoding: gzip` request bodies.
public enum Gzip {
    /// Why zlib refused.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The zlib return code.
        public var code: Int32
        /// What was being done.
        public var operation: String

        public var description: String { "gzip \(operation) failed (zlib code \(code))" }
    }

    /// Compresses `bytes` into one gzip member.
    ///
    /// - Parameter level: 0 (store) to 9 (smallest); 6 is zlib's balance of speed and size.
    public static func compress(_ bytes: [UInt8], level: Int32 = 6) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 16 asks zlib for a gzip header and trailer instead of a zlib wrapper.
        let initStatus = deflateInit2_(
            &stream,
            level,
            Z_DEFLATED,
            15 + 16,
            8,
            Z_DEFAULT_STRATEGY,
            ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size)
        )
        guard initStatus == Z_OK else { throw Failure(code: initStatus, operation: "initialisation") }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 32)
        let status = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                // zlib never writes through next_in; the mutable pointer is its C signature only.
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw Failure(code: status, operation: "compression") }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    /// Decompresses gzip data (one or more members); refuses truncated or corrupt input, and output beyond
    /// `limit` bytes (a defence against decompression bombs).
    public static func decompress(_ bytes: [UInt8], limit: Int = 256 * 1024 * 1024) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        let initStatus = inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initStatus == Z_OK else { throw Failure(code: initStatus, operation: "initialisation") }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var consumed = 0
        while true {
            let (status, produced, used) = bytes.withUnsafeBufferPointer { input in
                chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress.map { $0 + consumed })
                    stream.avail_in = uInt(input.count - consumed)
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    return (status, out.count - Int(stream.avail_out), input.count - consumed - Int(stream.avail_in))
                }
            }
            consumed += used
            output += chunk[..<produced]
            guard output.count <= limit else {
                throw Failure(code: Z_BUF_ERROR, operation: "decompression (output over limit)")
            }
            switch status {
            case Z_STREAM_END:
                // Concatenated members are one gzip stream (RFC 1952 §2.2).
                guard consumed < bytes.count else { return output }
                guard inflateReset(&stream) == Z_OK else { throw Failure(code: status, operation: "decompression") }
            case Z_OK:
                continue
            case Z_BUF_ERROR where used == 0 && produced == 0:
                throw Failure(code: status, operation: "decompression (truncated input)")
            default:
                throw Failure(code: status, operation: "decompression")
            }
        }
    }
}
