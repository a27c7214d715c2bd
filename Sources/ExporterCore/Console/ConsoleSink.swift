import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where console output goes.
public enum ConsoleStream: String, Sendable, Hashable, CaseIterable, Decodable {
    /// Standard output.
    case stdout
    /// Standard error.
    case stderr

    var fileDescriptor: Int32 { self == .stdout ? 1 : 2 }
}

/// Prints span trees as text; shared by every run of a console exporter, so writes are serialized by a lock and
/// a tree is never interleaved with another.
public final class ConsoleSink: ExportSink {
    public typealias Item = SpanTree

    private let renderer: ConsoleRenderer
    private let stream: ConsoleStream
    private let prefix: String
    private let lock = Mutex(())

    /// Creates a sink writing to `stream`; every line starts with `prefix` when it is not empty.
    public init(renderer: ConsoleRenderer, stream: ConsoleStream = .stdout, prefix: String = "") {
        self.renderer = renderer
        self.stream = stream
        self.prefix = prefix
    }

    public func export(_ tree: SpanTree) async throws {
        var text = renderer.render(tree)
        if !prefix.isEmpty {
            text = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : prefix + " " + $0 }
                .joined(separator: "\n")
        }
        let descriptor = stream.fileDescriptor
        try lock.withLock { _ in
            try Self.writeAll(Array(text.utf8), to: descriptor)
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw FileSinkError.write(path: descriptor == 1 ? "<stdout>" : "<stderr>", errno: errno)
            }
            offset += written
        }
    }
}
