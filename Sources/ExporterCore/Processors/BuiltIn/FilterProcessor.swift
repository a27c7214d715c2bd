/// Keeps or drops events by category, phase, name and/or a predicate (see ``FilterOptions`` for the rules).
///
/// Names without `*` are looked up in a set; only wildcard patterns are matched one by one.
import ExporterEvents

public struct FilterProcessor: TransformProcessor {
    public typealias Input = AgentEvent
    public typealias Output = AgentEvent

    /// Whether matching events are kept or dropped.
    public let mode: FilterOptions.Mode

    private let categories: Set<EventCategory>
    private let matchesEveryCustomCategory: Bool
    private let phases: Set<EventPhase>
    private let exactNames: Set<String>
    private let namePatterns: [GlobPattern]
    private let predicate: (@Sendable (AgentEvent) -> Bool)?

    private var passed = 0
    private var filteredOut = 0

    /// Creates a filter from typed criteria. `.custom(subtype)` matches that subtype only; to match every custom
    /// category use ``init(options:where:)`` with the name `custom`. `predicate`, when given, is one more criterion
    /// an event must meet to match.
    public init(
        categories: Set<EventCategory> = [],
        phases: Set<EventPhase> = [],
        names: [String] = [],
        mode: FilterOptions.Mode = .include,
        where predicate: (@Sendable (AgentEvent) -> Bool)? = nil
    ) {
        self.init(
            mode: mode,
            categories: categories,
            matchesEveryCustomCategory: false,
            phases: phases,
            names: names,
            predicate: predicate
        )
    }

    /// Creates a filter from configuration; throws a `PRC005` diagnostic (with a did-you-mean hint) for an unknown
    /// category name.
    public init(options: FilterOptions, where predicate: (@Sendable (AgentEvent) -> Bool)? = nil) throws {
        var categories: Set<EventCategory> = []
        var everyCustom = false
        for name in options.categories {
            if name == "custom" {
                everyCustom = true
            } else if name.hasPrefix("custom:"), name.count > "custom:".count {
                categories.insert(.custom(String(name.dropFirst("custom:".count))))
            } else if let category = EventCategory(name: name) {
                categories.insert(category)
            } else {
                throw ProcessorOptionError.unknownName(
                    "FilterProcessor",
                    kind: "category",
                    name: name,
                    known: EventCategory.allNames + ["custom:<subtype>"]
                )
            }
        }
        self.init(
            mode: options.mode,
            categories: categories,
            matchesEveryCustomCategory: everyCustom,
            phases: options.phases,
            names: options.names,
            predicate: predicate
        )
    }

    private init(
        mode: FilterOptions.Mode,
        categories: Set<EventCategory>,
        matchesEveryCustomCategory: Bool,
        phases: Set<EventPhase>,
        names: [String],
        predicate: (@Sendable (AgentEvent) -> Bool)?
    ) {
        self.mode = mode
        self.categories = categories
        self.matchesEveryCustomCategory = matchesEveryCustomCategory
        self.phases = phases
        let patterns = names.map(GlobPattern.init)
        exactNames = Set(patterns.filter { !$0.hasWildcard }.map(\.pattern))
        namePatterns = patterns.filter(\.hasWildcard)
        self.predicate = predicate
    }

    /// True when `event` meets every criterion, whatever the mode.
    public func matches(_ event: AgentEvent) -> Bool {
        if !categories.isEmpty || matchesEveryCustomCategory {
            let category = event.category
            guard categories.contains(category) || (matchesEveryCustomCategory && category.subtype != nil) else {
                return false
            }
        }
        if !phases.isEmpty, !phases.contains(event.phase) { return false }
        if !exactNames.isEmpty || !namePatterns.isEmpty {
            let name = event.name
            guard exactNames.contains(name) || namePatterns.contains(where: { $0.matches(name) }) else { return false }
        }
        if let predicate, !predicate(event) { return false }
        return true
    }

    public mutating func transform(_ event: AgentEvent) async throws -> AgentEvent? {
        let keep = matches(event) == (mode == .include)
        if keep {
            passed += 1
            return event
        }
        filteredOut += 1
        return nil
    }

    /// `passed` and `filtered_out` event counts.
    public var statistics: [String: Double] {
        ["passed": Double(passed), "filtered_out": Double(filteredOut)]
    }
}
