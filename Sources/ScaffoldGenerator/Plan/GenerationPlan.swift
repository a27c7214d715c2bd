/// What a generation will do to the output directory, file by file, with the reason for each decision.
public struct GenerationPlan: Sendable, Hashable {
    /// What happens to one file.
    public enum Action: String, Sendable, Hashable, CaseIterable {
        /// The file does not exist and will be written.
        case create
        /// The file exists with other contents and will be rewritten.
        case update
        /// The file already has the right contents (or is the user's) and is not touched.
        case unchanged
        /// The file is no longer generated and will be removed.
        case delete
        /// The file would be overwritten or removed, but it was edited by hand (or not made by scaffold).
        case refuse
    }

    /// The decision about one file.
    public struct Change: Sendable, Hashable {
        /// The path relative to the output directory.
        public var path: String
        /// What happens.
        public var action: Action
        /// Why, in a few words (`edited by hand since the last generation`).
        public var reason: String
        /// Whose file it is.
        public var ownership: GeneratedFile.Ownership
        /// The contents on disk now, nil when the file does not exist.
        public var current: String?
        /// The contents it will have, nil for deletions, refusals and untouched files.
        public var proposed: String?

        /// Creates a change.
        public init(
            path: String,
            action: Action,
            reason: String,
            ownership: GeneratedFile.Ownership,
            current: String? = nil,
            proposed: String? = nil
        ) {
            self.path = path
            self.action = action
            self.reason = reason
            self.ownership = ownership
            self.current = current
            self.proposed = proposed
        }
    }

    /// Every decision, sorted by path.
    public var changes: [Change]
    /// The lock that describes the output once the plan is applied.
    public var lock: ScaffoldLock

    /// Creates a plan.
    public init(changes: [Change], lock: ScaffoldLock) {
        self.changes = changes.sorted { $0.path < $1.path }
        self.lock = lock
    }

    /// The refused changes: when there is any, nothing may be written.
    public var refusals: [Change] { changes.filter { $0.action == .refuse } }

    /// The files to write (created or updated), with their new contents.
    public var writes: [(path: String, contents: String)] {
        changes.compactMap { change in
            guard change.action == .create || change.action == .update, let proposed = change.proposed else {
                return nil
            }
            return (change.path, proposed)
        }
    }

    /// The files to remove.
    public var deletions: [String] { changes.filter { $0.action == .delete }.map(\.path) }

    /// True when applying the plan changes nothing; `package`, as only tests ask.
    package var isUpToDate: Bool { changes.allSatisfy { $0.action == .unchanged } }
}
