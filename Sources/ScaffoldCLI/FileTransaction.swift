import ExporterCore
import ExporterDiagnostics
import Foundation
import ScaffoldGenerator
import Synchronization

/// A test hook: with `SCAFFOLD_FAULT_EXIT_AFTER=N` in the environment, the process ends with `_exit(86)` at the
/// N-th file-system operation of a ``FileTransaction`` (a journal write, a staged file, a rename, a deletion), as a
/// crash or `kill -9` would end it. Without the variable it does nothing.
enum FaultInjection {
    /// The exit status of an injected crash.
    static let exitStatus: Int32 = 86
    private static let limit: Int? = ProcessInfo.processInfo.environment["SCAFFOLD_FAULT_EXIT_AFTER"].flatMap {
        Int($0)
    }
    private static let count = Mutex(0)

    /// Counts one operation, about to be done; ends the process when it is the N-th.
    static func step() {
        guard let limit else { return }
        let reached = count.withLock { count in
            count += 1
            return count >= limit
        }
        if reached { _exit(exitStatus) }
    }
}

/// A set of changes under one directory that happens wholly or not at all, even across a crash, `kill -9`, a full
/// disk or a read-only directory.
///
/// 1. The journal (`JOURNAL`, written through a temporary file and a rename) lists every step, in state `staging`.
/// 2. Every new file is staged as `.NAME.scaffold-tmp` beside its target (a directory as `.NAME.scaffold-staging`)
///    and flushed to disk. A failure here (no space, a read-only directory) removes what was staged and the
///    journal: the old files are untouched, and the error names the file that could not be written.
/// 3. The journal is rewritten in state `committed`: from now on the change is decided.
/// 4. The steps are applied in order (renames, deletions, the lock last), then the journal is removed.
///
/// The next run of a command that writes there calls ``recover(root:journal:mayDelete:)`` first: a `staging`
/// journal is rolled back, a `committed` one rolled forward; both are idempotent, so a crash during recovery is
/// recovered by the next run too. The journal names targets only; the staged names are derived from them, and a
/// deletion is done only when the caller's rule allows the path, so a hand-made journal cannot delete anything
/// else.
struct FileTransaction {
    /// One step.
    enum Step {
        /// Writes the file at the relative path (through a staged file and a rename).
        case write(String, [UInt8], executable: Bool = false)
        /// Removes the file at the relative path.
        case delete(String)
        /// Replaces the directory at the relative path (one component) with the tree, renaming the old one aside.
        case replaceDirectory(String, FileTree)
    }

    /// The directory everything is relative to.
    var root: URL
    /// The journal's path relative to `root`.
    var journal: String
    /// The steps, in the order they are applied.
    var steps: [Step]

    /// The journal on disk.
    struct Journal: Codable, Equatable {
        enum State: String, Codable {
            case staging
            case committed
        }

        struct Entry: Codable, Equatable {
            enum Kind: String, Codable {
                case write
                case delete
                case replaceDirectory = "replace-directory"
            }

            var kind: Kind
            var path: String
        }

        var state: State
        var steps: [Entry]
        /// Directories created for staging, outermost first; removed again (when empty) by a roll back.
        var createdDirectories: [String]
    }

    /// The staged name of a file target: `.NAME.scaffold-tmp` in the same directory.
    static func staged(_ path: String) -> String { sibling(path, prefix: ".", suffix: ".scaffold-tmp") }
    /// The staged name of a directory target.
    static func stagedDirectory(_ path: String) -> String { sibling(path, prefix: ".", suffix: ".scaffold-staging") }
    /// Where the old directory is renamed aside.
    static func asideDirectory(_ path: String) -> String { sibling(path, prefix: ".", suffix: ".scaffold-old") }

    private static func sibling(_ path: String, prefix: String, suffix: String) -> String {
        var parts = path.split(separator: "/").map(String.init)
        guard let last = parts.popLast() else { return path }
        return (parts + [prefix + last + suffix]).joined(separator: "/")
    }

    /// Applies every step, or none.
    ///
    /// - Throws: `GEN`-coded diagnostics naming the file that could not be written; before the commit nothing is
    ///   changed, after it (a rename failing) the journal stays, and the next run finishes the change.
    func commit() throws(DiagnosticError) {
        let manager = FileManager.default
        let entries = steps.map { step -> Journal.Entry in
            switch step {
            case .write(let path, _, _): Journal.Entry(kind: .write, path: path)
            case .delete(let path): Journal.Entry(kind: .delete, path: path)
            case .replaceDirectory(let path, _): Journal.Entry(kind: .replaceDirectory, path: path)
            }
        }
        for entry in entries where !OutputPath.isSafe(entry.path) {
            throw DiagnosticError(
                .error(.generatorUnsafePath, "refusing to write '\(entry.path)': it leaves '\(root.path)'")
            )
        }
        // The journal's own directory first (it is left, empty, if the very first write fails), then the
        // journal, which lists the directories made for staging so that a roll back removes them.
        for parent in OutputPath.parents(of: journal) where !manager.fileExists(atPath: url(parent).path) {
            try Durable.createDirectory(url(parent))
        }
        var directories: [String] = []
        for path in entries.filter({ $0.kind == .write }).map(\.path) {
            for parent in OutputPath.parents(of: path) where !directories.contains(parent) {
                if !manager.fileExists(atPath: url(parent).path) { directories.append(parent) }
            }
        }
        var journalState = Journal(state: .staging, steps: entries, createdDirectories: directories)
        do throws(DiagnosticError) {
            try writeJournal(journalState)
            for directory in directories { try Durable.createDirectory(url(directory)) }
            for step in steps {
                switch step {
                case .write(let path, let bytes, let executable):
                    try Durable.writeFile(
                        bytes,
                        to: url(Self.staged(path)),
                        executable: executable,
                        reportAs: url(path)
                    )
                case .delete: continue
                case .replaceDirectory(let path, let tree):
                    let staging = url(Self.stagedDirectory(path))
                    try? manager.removeItem(at: staging)
                    try tree.write(to: staging, reportingAs: url(path))
                }
            }
            for directory in Set(entries.map { url($0.path).deletingLastPathComponent() }) {
                Durable.syncDirectory(directory)
            }
            journalState.state = .committed
            try writeJournal(journalState)
        } catch {
            rollBack(journalState)
            throw error
        }
        try rollForward(journalState, mayDelete: { _ in true })
    }

    /// Finishes or undoes what an interrupted run left under `root`: the journal's steps rolled forward when it
    /// was committed, the staged files removed when it was not; nil when there was nothing to recover.
    ///
    /// - Parameter mayDelete: whether a deletion the journal names may be done (the generated layout).
    static func recover(
        root: URL,
        journal: String,
        mayDelete: (String) -> Bool
    ) throws(DiagnosticError) -> String? {
        let transaction = FileTransaction(root: root, journal: journal, steps: [])
        let journalURL = transaction.url(journal)
        let temporary = transaction.url(staged(journal))
        if FileManager.default.fileExists(atPath: temporary.path) { try? FileManager.default.removeItem(at: temporary) }
        guard let data = FileManager.default.contents(atPath: journalURL.path) else { return nil }
        let state: Journal
        do {
            state = try JSONDecoder().decode(Journal.self, from: data)
        } catch {
            throw DiagnosticError(
                .error(
                    .generatorIO,
                    "'\(journalURL.path)' is not a scaffold journal",
                    hint: "an interrupted run leaves one; delete it and any .*.scaffold-tmp file, then run again"
                )
            )
        }
        for path in state.steps.map(\.path) + state.createdDirectories
        where !OutputPath.isSafe(path) || transaction.goesThroughLink(path) {
            throw DiagnosticError(
                .error(.generatorUnsafePath, "'\(journalURL.path)' names '\(path)', which leaves '\(root.path)'")
            )
        }
        switch state.state {
        case .staging:
            transaction.rollBack(state)
            return "rolled back an interrupted run in '\(root.path)' (nothing of it had been applied)"
        case .committed:
            try transaction.rollForward(state, mayDelete: mayDelete)
            return "finished an interrupted run in '\(root.path)'"
        }
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    private func writeJournal(_ state: Journal) throws(DiagnosticError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = (try? encoder.encode(state)) ?? Data()
        let target = url(journal)
        let temporary = url(Self.staged(journal))
        try Durable.writeFile(Array(data), to: temporary, executable: false, reportAs: target)
        try Durable.renameItem(temporary, to: target)
        Durable.syncDirectory(target.deletingLastPathComponent())
    }

    /// Removes what was staged, the journal, and the directories made for staging; the old files stay.
    private func rollBack(_ state: Journal) {
        let manager = FileManager.default
        for entry in state.steps {
            let staged: URL
            switch entry.kind {
            case .write: staged = url(Self.staged(entry.path))
            case .delete: continue
            case .replaceDirectory: staged = url(Self.stagedDirectory(entry.path))
            }
            if exists(staged) {
                FaultInjection.step()
                try? manager.removeItem(at: staged)
            }
        }
        let temporary = url(Self.staged(journal))
        if exists(temporary) { try? manager.removeItem(at: temporary) }
        if exists(url(journal)) {
            FaultInjection.step()
            try? manager.removeItem(at: url(journal))
        }
        for directory in state.createdDirectories.reversed() { rmdir(url(directory).path) }
        Durable.syncDirectory(url(journal).deletingLastPathComponent())
    }

    /// Applies a committed journal's steps; each is idempotent, so a crash here is finished by the next run.
    private func rollForward(_ state: Journal, mayDelete: (String) -> Bool) throws(DiagnosticError) {
        let manager = FileManager.default
        var touched: Set<URL> = []
        for entry in state.steps {
            let target = url(entry.path)
            touched.insert(target.deletingLastPathComponent())
            switch entry.kind {
            case .write:
                let staged = url(Self.staged(entry.path))
                guard exists(staged) else { continue }
                try Durable.renameItem(staged, to: target)
            case .delete:
                guard mayDelete(entry.path), exists(target) else { continue }
                FaultInjection.step()
                guard unlink(target.path) == 0 || errno == ENOENT else {
                    throw interrupted(target, FileErrorReason.describe(errno: errno))
                }
            case .replaceDirectory:
                let staged = url(Self.stagedDirectory(entry.path))
                let aside = url(Self.asideDirectory(entry.path))
                if exists(staged) {
                    if exists(target) {
                        if exists(aside) { try? manager.removeItem(at: aside) }
                        try Durable.renameItem(target, to: aside)
                    }
                    try Durable.renameItem(staged, to: target)
                }
                if exists(aside) {
                    FaultInjection.step()
                    try? manager.removeItem(at: aside)
                }
            }
        }
        for directory in touched { Durable.syncDirectory(directory) }
        FaultInjection.step()
        guard unlink(url(journal).path) == 0 || errno == ENOENT else {
            throw interrupted(url(journal), FileErrorReason.describe(errno: errno))
        }
        Durable.syncDirectory(url(journal).deletingLastPathComponent())
    }

    private func interrupted(_ target: URL, _ reason: String) -> DiagnosticError {
        DiagnosticError(
            .error(
                .generatorIO,
                "cannot remove '\(target.path)': \(reason)",
                hint: "the change was committed in '\(url(journal).path)'; the next run finishes it"
            )
        )
    }

    /// True when a parent directory of `path` is a symbolic link: a journal naming it could reach outside `root`.
    func goesThroughLink(_ path: String) -> Bool {
        OutputPath.parents(of: path).contains { parent in
            var status = stat()
            return lstat(url(parent).path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK
        }
    }

    /// True when something (a file, a directory or a link) is at `url`.
    private func exists(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0
    }
}

/// Writes that reach the disk before they count: each file flushed (`fsync`) before it is renamed, each directory
/// flushed after its entries change. Every failure names the file.
enum Durable {
    /// Writes `bytes` to a new file at `url`, flushed; `reportAs` is the path the error names.
    static func writeFile(_ bytes: [UInt8], to url: URL, executable: Bool, reportAs: URL) throws(DiagnosticError) {
        FaultInjection.step()
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, executable ? 0o755 : 0o644)
        guard descriptor >= 0 else { throw failure("write", reportAs, errno) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress, buffer.count)
            }
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor)
                unlink(url.path)
                throw failure("write", reportAs, code)
            }
            offset += written
        }
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            let code = errno
            unlink(url.path)
            throw failure("write", reportAs, code)
        }
    }

    /// `rename(2)`: replaces `target` in one step.
    static func renameItem(_ source: URL, to target: URL) throws(DiagnosticError) {
        FaultInjection.step()
        guard rename(source.path, target.path) == 0 else { throw failure("write", target, errno) }
    }

    /// Creates one directory (its parent exists).
    static func createDirectory(_ url: URL) throws(DiagnosticError) {
        FaultInjection.step()
        guard mkdir(url.path, 0o755) == 0 || errno == EEXIST else { throw failure("create", url, errno) }
    }

    /// Flushes a directory's entries (a rename or an unlink in it) to disk; best effort.
    static func syncDirectory(_ url: URL) {
        let descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    static func failure(_ verb: String, _ url: URL, _ code: Int32) -> DiagnosticError {
        DiagnosticError(.error(.generatorIO, "cannot \(verb) '\(url.path)': \(FileErrorReason.describe(errno: code))"))
    }
}
