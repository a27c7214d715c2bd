import ExporterCore
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension FileSink {
    /// Creates the directories, applies `cleanupOnInit` and opens the file for appending.
    static func openFile(
        path: String,
        mode: Mode,
        rolling: Rolling?,
        cleanupOnInit: Bool,
        _ logger: Logger
    ) throws(FileSinkError) -> FileSinkState {
        try createParentDirectories(of: path)
        if cleanupOnInit {
            if let rolling {
                let names = RolledFileNames(currentPath: path)
                for failure in names.deleteRolledFiles(keepingNewest: rolling.maxFiles) {
                    logger.warning("cleanup_on_init", metadata: ["error": "\(failure)"])
                }
            } else if mode == .overwrite {
                // As the toolkit: a new file rather than the old one emptied. Should the unlink fail, opening
                // below empties the file anyway, or reports why it cannot.
                unlink(path)
            }
        }
        let descriptor: FileDescriptor
        do throws(FileIOError) {
            descriptor = try FileDescriptor.open(path, O_WRONLY | O_CREAT | O_APPEND)
        } catch {
            throw .open(path: path, errno: error.errno)
        }
        var info = stat()
        let size = fstat(descriptor.rawValue, &info) == 0 ? Int(info.st_size) : 0
        return FileSinkState(descriptor: descriptor, size: size)
    }

    /// `.overwrite`: empties the file, or with rolling rolls it when it already reached `maxFileSize` (the
    /// toolkit checks the size before its first write, which empties the file).
    func startEmpty() throws(FileSinkError) {
        try state.withLock { state throws(FileSinkError) in
            if let rolling, state.size >= rolling.maxFileSize, state.size > 0 { roll(&state, rolling) }
            guard state.size > 0 else { return }
            var info = stat()
            // Devices and pipes have nothing to empty.
            guard fstat(state.descriptor.rawValue, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return }
            guard ftruncate(state.descriptor.rawValue, 0) == 0 else { throw .open(path: path, errno: errno) }
            state.size = 0
        }
    }

    /// A missing directory that cannot be created fails the sink as its file: the error names the file asked for.
    private static func createParentDirectories(of path: String) throws(FileSinkError) {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        do throws(FileIOError) {
            try createDirectories(String(path[..<slash]))
        } catch {
            throw .open(path: path, errno: error.errno)
        }
    }
}
