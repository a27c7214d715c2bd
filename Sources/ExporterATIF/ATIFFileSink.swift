import ExporterCore
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes each trajectory as one JSON file, atomically: the bytes go to a temporary file in the same directory,
/// which is fsynced and renamed over the target, and the directory is fsynced; a reader never sees half a file.
///
/// A trajectory counts as exported once its file is in place; one whose write fails (a full disk, a read-only
/// directory) is refused, so it counts as failed, and leaves no temporary file behind. Only regular files are
/// ever replaced.
///
/// Nothing is overwritten within one sink's lifetime: in `file` mode the first trajectory gets the path itself and
/// later ones `<stem>-2<ext>`, `<stem>-3<ext>`, ...; in `directory` mode each gets `<session_id>.json` (sanitized
/// by ``fileName(forSessionID:)``), with `-2`, `-3`, ... before `.json` when a name repeats.
public final class ATIFFileSink: ExportSink {
    public typealias Item = ATIFTrajectory

    /// Where trajectories go.
    public enum Destination: Sendable, Hashable {
        /// One file (later trajectories of the same sink next to it, numbered).
        case file(String)
        /// One file per trajectory in a directory, named after its session id.
        case directory(String)
    }

    /// Where trajectories go.
    public let destination: Destination
    private let usedNames = Mutex<Set<String>>([])
    private let temporaryCounter = Atomic<Int>(0)

    /// Creates the sink, creating the directory (and its parents) it writes into.
    public init(destination: Destination) throws(ATIFFileSinkError) {
        self.destination = destination
        switch destination {
        case .file(let path): try Self.createDirectories(Self.directory(of: path))
        case .directory(let path): try Self.createDirectories(path)
        }
    }

    /// Writes `trajectory` to its file (see the type's documentation for names).
    public func export(_ trajectory: ATIFTrajectory) async throws {
        var bytes = trajectory.jsonBytes()
        bytes.append(UInt8(ascii: "\n"))
        try writeAtomically(bytes, to: reservePath(for: trajectory))
    }

    /// `session_id` as a file name that stays inside the output directory: ASCII letters, digits, `-`, `_` and
    /// `.` are kept, every other character (`/`, NUL, spaces, non-ASCII) becomes `_`; a name starting with `.`
    /// (so `.`, `..` and hidden files) gets a leading `_`; at most 200 characters, then `.json`.
    public static func fileName(forSessionID sessionID: String) -> String {
        var name = ""
        for scalar in sessionID.unicodeScalars.prefix(200) {
            let isSafe =
                scalar.isASCII
                && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || scalar == "-" || scalar == "_" || scalar == ".")
            name.unicodeScalars.append(isSafe ? scalar : "_")
        }
        if name.isEmpty || name.hasPrefix(".") { name = "_" + name }
        return name + ".json"
    }

    private func reservePath(for trajectory: ATIFTrajectory) -> String {
        let (directory, base): (String, String)
        switch destination {
        case .file(let path):
            directory = Self.directory(of: path)
            base = path.split(separator: "/").last.map(String.init) ?? path
        case .directory(let path):
            directory = path
            base = Self.fileName(forSessionID: trajectory.sessionID)
        }
        let name = usedNames.withLock { used in
            var candidate = base
            var number = 2
            while used.contains(candidate) {
                candidate = Self.numbered(base, number)
                number += 1
            }
            used.insert(candidate)
            return candidate
        }
        return directory + "/" + name
    }

    /// `name.json` → `name-2.json`; `name` → `name-2`.
    static func numbered(_ name: String, _ number: Int) -> String {
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            return "\(name[..<dot])-\(number)\(name[dot...])"
        }
        return "\(name)-\(number)"
    }

    private func writeAtomically(_ bytes: [UInt8], to path: String) throws(ATIFFileSinkError) {
        // Only ever replace a regular file: renaming over a device (`/dev/full`) or a FIFO would replace the node.
        var existing = stat()
        if lstat(path, &existing) == 0, (existing.st_mode & S_IFMT) != S_IFREG {
            throw .rename(path: path, errno: EEXIST)
        }
        let directory = Self.directory(of: path)
        let counter = temporaryCounter.add(1, ordering: .relaxed).newValue
        let temporary = "\(directory)/.atif-\(getpid())-\(counter).tmp"
        let file: FileDescriptor
        do throws(FileIOError) {
            file = try FileDescriptor.open(temporary, O_WRONLY | O_CREAT | O_EXCL)
        } catch {
            throw .open(path: temporary, errno: error.errno)
        }
        do throws(FileIOError) {
            try file.writeAll(bytes)
            try file.sync()
        } catch {
            try? file.close()
            unlink(temporary)
            throw error.operation == .write
                ? .write(path: temporary, errno: error.errno) : .sync(path: temporary, errno: error.errno)
        }
        // The bytes are on disk; a late close error has nothing left to lose.
        try? file.close()
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw .rename(path: path, errno: code)
        }
        syncDirectory(directory)
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func createDirectories(_ path: String) throws(ATIFFileSinkError) {
        do throws(FileIOError) {
            try ExporterCore.createDirectories(path)
        } catch {
            throw .open(path: error.path, errno: error.errno)
        }
    }
}

/// Why the ATIF file sink could not write a trajectory.
public enum ATIFFileSinkError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A directory or the temporary file could not be created.
    case open(path: String, errno: Int32)
    /// Writing the temporary file failed.
    case write(path: String, errno: Int32)
    /// Flushing the temporary file to disk failed.
    case sync(path: String, errno: Int32)
    /// Renaming the temporary file over the target failed.
    case rename(path: String, errno: Int32)

    public var description: String {
        switch self {
        case .open(let path, let code): "cannot create '\(path)': \(Self.text(code))"
        case .write(let path, let code): "cannot write '\(path)': \(Self.text(code))"
        case .sync(let path, let code): "cannot sync '\(path)' to disk: \(Self.text(code))"
        case .rename(let path, let code): "cannot move the trajectory into '\(path)': \(Self.text(code))"
        }
    }

    private static func text(_ code: Int32) -> String {
        FileIOError.reason(code)
    }
}
