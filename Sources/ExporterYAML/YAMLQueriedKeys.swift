import ExporterDiagnostics

/// What the decoders of one mapping learn about its keys: the keys asked about (for `YAMLRejectsUnknownKeys`),
/// the `CodingKey` types used to read it and the entry read last (to report several problems at once).
final class YAMLQueriedKeys {
    /// Which key texts one `CodingKey` type can spell, and all its spellings when it lists them.
    struct KeyType {
        var accepts: (String) -> Bool
        var allNames: [String]?
    }

    var keys: Set<String> = []
    /// The key whose value was read last: when decoding fails, the entry that most likely failed.
    var lastKey: String?
    /// Keys left out of the mapping to find the problems after theirs; asking for one is not a problem of its own.
    var withheld: Set<String> = []
    /// Whether the type's `init(from:)` returned (so a failure came from the unknown-key check).
    var decodingFinished = false
    private var keyTypes: [ObjectIdentifier: KeyType] = [:]

    /// Records that the mapping is read with `Key`.
    func recordKeyType<Key: CodingKey>(_ type: Key.Type) {
        let identifier = ObjectIdentifier(type)
        guard keyTypes[identifier] == nil else { return }
        keyTypes[identifier] = KeyType(
            accepts: { Key(stringValue: $0) != nil },
            allNames: (type as? any CaseIterable.Type).map { Self.names(of: $0) }
        )
    }

    /// Every key name the `CaseIterable` coding key types used on the mapping list.
    var spelledNames: Set<String> { Set(keyTypes.values.flatMap { $0.allNames ?? [] }) }

    /// The keys of `entries` that no `CodingKey` type used on the mapping can spell: certainly unknown, even though
    /// decoding stopped before the type could ask about every key it knows.
    func unspellableKeys(
        of entries: [YAMLMappingEntry],
        codingPath: [any CodingKey],
        context: YAMLDecodingContext
    ) -> [Diagnostic] {
        guard !keyTypes.isEmpty else { return [] }
        let candidates = Set(keyTypes.values.flatMap { $0.allNames ?? [] }).union(keys).sorted()
        return entries.compactMap { entry in
            guard let key = entry.key.scalar?.value, !keys.contains(key), !context.ignoredKeys.contains(key),
                !withheld.contains(key), keyTypes.values.allSatisfy({ !$0.accepts(key) })
            else { return nil }
            return YAMLDecodingErrors.unknownKey(key, at: entry.key.location, codingPath: codingPath, among: candidates)
        }
    }

    private static func names<C: CaseIterable>(of type: C.Type) -> [String] {
        C.allCases.compactMap { ($0 as? any CodingKey)?.stringValue }
    }
}

/// Diagnostics gathered over several attempts: each reported once (whatever its hint), in source order.
struct YAMLDiagnosticCollection {
    private struct Identity: Hashable {
        var code: DiagnosticCode
        var message: String
        var location: SourceLocation?
    }

    private var diagnostics: [Diagnostic] = []
    private var seen: Set<Identity> = []

    var isEmpty: Bool { diagnostics.isEmpty }

    mutating func add(_ found: [Diagnostic]) {
        for diagnostic in found
        where seen.insert(Identity(code: diagnostic.code, message: diagnostic.message, location: diagnostic.location))
            .inserted
        {
            diagnostics.append(diagnostic)
        }
    }

    /// By line and column; diagnostics without a position first, ties in the order found.
    var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let left = lhs.element.location.map { ($0.line, $0.column) } ?? (0, 0)
            let right = rhs.element.location.map { ($0.line, $0.column) } ?? (0, 0)
            return left != right ? left < right : lhs.offset < rhs.offset
        }
        .map(\.element)
    }
}
