import ExporterCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The toolkit's names for the rolled files of a current file: `traces.jsonl` rolls over to
/// `traces_20260130_074501_123456.jsonl` next to it (local time to the microsecond, as `FileExportMixin` writes
/// `%Y%m%d_%H%M%S_%f`).
///
/// Only names of exactly that shape count as rolled files, so retention never deletes a file that merely starts
/// with the same stem (`traces_notes.jsonl`); the toolkit's glob `traces_*.jsonl` would.
struct RolledFileNames: Sendable, Hashable {
    /// The directory of the current file (`.` for a bare name).
    let directory: String
    /// The current file's name up to its suffix (`traces`).
    let stem: String
    /// The current file's suffix, dot included (`.jsonl`), or empty.
    let suffix: String

    /// The names for rolled files of the file at `currentPath`.
    init(currentPath: String) {
        let slash = currentPath.lastIndex(of: "/")
        directory =
            switch slash {
            case nil: "."
            case currentPath.startIndex?: "/"
            case let slash?: String(currentPath[..<slash])
            }
        let name = slash.map { currentPath[currentPath.index(after: $0)...] } ?? currentPath[...]
        (stem, suffix) = Self.split(name)
    }

    /// Splits a file name into stem and suffix as Python's `PurePath` does: the suffix starts at the last dot,
    /// unless that dot is the first or the last character (`.profile` and `notes.` have none).
    static func split(_ name: Substring) -> (stem: String, suffix: String) {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex, name.index(after: dot) != name.endIndex
        else { return (String(name), "") }
        return (String(name[..<dot]), String(name[dot...]))
    }

    /// The rolled file for a roll at `microseconds` since the epoch.
    func path(rolledAt microseconds: Int64) -> String {
        "\(directory)/\(stem)_\(Self.stamp(microseconds))\(suffix)"
    }

    /// True when `name` is one of these rolled files' names.
    func isRolled(_ name: String) -> Bool {
        guard name.hasPrefix(stem + "_"), name.hasSuffix(suffix),
            name.utf8.count == stem.utf8.count + 23 + suffix.utf8.count
        else { return false }
        let stamp = name.utf8.dropFirst(stem.utf8.count + 1).prefix(22)
        return zip(stamp, "dddddddd_dddddd_dddddd".utf8).allSatisfy { character, shape in
            shape == UInt8(ascii: "_")
                ? character == shape : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(character)
        }
    }

    /// The rolled files in ``directory``, newest first: by modification time as the toolkit sorts them, and by
    /// name (the roll time) among equal times.
    func rolledFilesNewestFirst() throws(FileSinkError) -> [String] {
        guard let stream = opendir(directory) else { throw .list(path: directory, errno: errno) }
        defer { closedir(stream) }
        var found: [(path: String, modified: Int64)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard isRolled(name) else { continue }
            let path = "\(directory)/\(name)"
            var info = stat()
            // A file deleted meanwhile is simply not there any more.
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            found.append((path, Self.nanoseconds(info)))
        }
        return found.sorted { ($0.modified, $0.path) > ($1.modified, $1.path) }.map(\.path)
    }

    /// Deletes the rolled files beyond the `keep` newest; returns what could not be deleted, and why.
    func deleteRolledFiles(keepingNewest keep: Int) -> [FileSinkError] {
        let files: [String]
        do {
            files = try rolledFilesNewestFirst()
        } catch {
            return [error]
        }
        var failures: [FileSinkError] = []
        for path in files.dropFirst(max(0, keep)) where unlink(path) != 0 && errno != ENOENT {
            failures.append(.delete(path: path, errno: errno))
        }
        return failures
    }

    /// Microseconds since the epoch, now.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000 + Int64(time.tv_nsec) / 1000
    }

    /// `YYYYMMDD_HHMMSS_ffffff` in local time.
    static func stamp(_ microseconds: Int64) -> String {
        var seconds = time_t(microseconds / 1_000_000)
        var parts = tm()
        localtime_r(&seconds, &parts)
        func digits(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return digits(parts.tm_year + 1900, 4) + digits(parts.tm_mon + 1, 2) + digits(parts.tm_mday, 2) + "_"
            + digits(parts.tm_hour, 2) + digits(parts.tm_min, 2) + digits(parts.tm_sec, 2) + "_"
            + digits(Int32(microseconds % 1_000_000), 6)
    }

    private static func nanoseconds(_ info: stat) -> Int64 {
        #if canImport(Darwin)
        Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
    }
}
