/// Decides, without touching the file system, what a generation does to an output directory.
///
/// The generation-gap rules:
/// - a generated file is written when missing or outdated; when its contents differ from what the lock recorded
///   it was edited by hand and is refused (named, nothing written) unless `force`; a file in the way that the lock
///   does not know is refused likewise;
/// - a file the lock lists that is no longer produced is deleted (refused when edited by hand, unless `force`),
///   but only when its path has the shape of a generated file (`GeneratedLayout`) and it is not one of the files
///   produced now: the lock is not trusted to delete the spec, a user's file or anything outside the package;
///   even `force` deletes only files of that shape;
/// - a user-owned file is created when missing and never touched again;
/// - a file whose contents are already right is left alone (its modification time stays).
public struct GenerationPlanner: Sendable {
    /// Overwrite and delete hand-edited generated files instead of refusing.
    public var force: Bool

    /// Creates a planner.
    public init(force: Bool = false) {
        self.force = force
    }

    /// The plan that turns the directory described by `existing` into one holding `files`.
    ///
    /// - Parameters:
    ///   - files: what the renderer produced.
    ///   - lock: the lock to write (describing `files`).
    ///   - existing: the current contents of every relevant path in the output directory (each of `files`, each
    ///     path of `previousLock`, and the lock itself); a path that is absent does not exist.
    ///   - previousLock: the lock found in the output directory, if any.
    public func plan(
        files: [GeneratedFile],
        lock: ScaffoldLock,
        existing: [String: String],
        previousLock: ScaffoldLock?
    ) -> GenerationPlan {
        var changes: [GenerationPlan.Change] = []
        let recorded = previousLock?.files ?? [:]
        var produced: Set<String> = []
        for file in files {
            produced.insert(file.path)
            changes.append(decide(file, current: existing[file.path], recordedHash: recorded[file.path]))
        }
        for (path, recordedHash) in recorded where !produced.contains(path) {
            // Whatever the lock says: only a path the generator names, inside the package.
            guard GeneratedLayout.isGeneratorNamed(path), let current = existing[path] else { continue }
            if SHA256.hexDigest(of: current) == recordedHash {
                changes.append(
                    .init(
                        path: path,
                        action: .delete,
                        reason: "no longer generated",
                        ownership: .generated,
                        current: current
                    )
                )
            } else if force {
                changes.append(
                    .init(
                        path: path,
                        action: .delete,
                        reason: "no longer generated; edited by hand, removed because of --force",
                        ownership: .generated,
                        current: current
                    )
                )
            } else {
                changes.append(
                    .init(
                        path: path,
                        action: .refuse,
                        reason: "no longer generated, but edited by hand since the last generation",
                        ownership: .generated,
                        current: current
                    )
                )
            }
        }
        let lockText = lock.encoded()
        let lockCurrent = existing[ScaffoldLock.path]
        changes.append(
            .init(
                path: ScaffoldLock.path,
                action: lockCurrent == nil ? .create : (lockCurrent == lockText ? .unchanged : .update),
                reason: "records the generator version and the hash of every generated file",
                ownership: .generated,
                current: lockCurrent,
                proposed: lockCurrent == lockText ? nil : lockText
            )
        )
        return GenerationPlan(changes: changes, lock: lock)
    }

    private func decide(_ file: GeneratedFile, current: String?, recordedHash: String?) -> GenerationPlan.Change {
        let path = file.path
        guard let current else {
            let reason: String
            switch (file.ownership, recordedHash) {
            case (.userOwned, _): reason = "yours to edit; created once"
            case (.generated, nil): reason = "new"
            case (.generated, _): reason = "missing; generated again"
            }
            return .init(
                path: path,
                action: .create,
                reason: reason,
                ownership: file.ownership,
                proposed: file.contents
            )
        }
        if file.ownership == .userOwned {
            return .init(
                path: path,
                action: .unchanged,
                reason: "yours; never rewritten",
                ownership: .userOwned,
                current: current
            )
        }
        if current == file.contents {
            return .init(path: path, action: .unchanged, reason: "up to date", ownership: .generated, current: current)
        }
        let handEdited: String?
        switch recordedHash {
        // Scaffold 0.1's `new` wrote the schema without recording it: the generator's own directory, not the user's.
        case nil where path == SpecJSONSchema.packagePath: handEdited = nil
        case nil: handEdited = "exists but was not generated by scaffold"
        case let hash? where hash != SHA256.hexDigest(of: current):
            handEdited = "edited by hand since the last generation"
        default: handEdited = nil
        }
        guard let handEdited else {
            return .init(
                path: path,
                action: .update,
                reason: "outdated",
                ownership: .generated,
                current: current,
                proposed: file.contents
            )
        }
        if force {
            return .init(
                path: path,
                action: .update,
                reason: handEdited + "; overwritten because of --force",
                ownership: .generated,
                current: current,
                proposed: file.contents
            )
        }
        return .init(
            path: path,
            action: .refuse,
            reason: handEdited,
            ownership: .generated,
            current: current,
            proposed: file.contents
        )
    }
}
