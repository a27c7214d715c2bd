/// What a ``FilterProcessor`` keeps or drops, in configuration terms (names rather than Swift values).
///
/// An event *matches* when it meets every criterion given (categories, phases, names); an empty criterion matches
/// everything. In `.include` mode matching events pass; in `.exclude` mode they are dropped.
import ExporterEvents

public struct FilterOptions: Sendable, Hashable {
    /// Whether matching events are kept or dropped.
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// Keep matching events, drop the rest.
        case include
        /// Drop matching events, keep the rest.
        case exclude
    }

    /// Whether matching events are kept or dropped; default `.include`.
    public var mode: Mode

    /// Category names as ``EventCategory/allNames`` lists (`llm`, `tool`, `workflow` for `agent`, ...); `custom`
    /// matches every custom category, `custom:<subtype>` (such as `custom:ttc`) one subtype. Empty: any category.
    public var categories: [String]

    /// Phases to match. Empty: any phase.
    public var phases: Set<EventPhase>

    /// Event names to match, exact or with `*` wildcards (`search_*`). Empty: any name.
    public var names: [String]

    /// Creates options; category names are checked by ``FilterProcessor/init(options:where:)``.
    public init(
        mode: Mode = .include,
        categories: [String] = [],
        phases: Set<EventPhase> = [],
        names: [String] = []
    ) {
        self.mode = mode
        self.categories = categories
        self.phases = phases
        self.names = names
    }
}
