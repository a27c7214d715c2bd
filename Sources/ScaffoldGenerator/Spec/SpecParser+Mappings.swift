import ExporterDiagnostics
import ExporterYAML

/// The entries of a spec mapping whose keys were checked against `SpecGrammar`.
struct SpecEntries {
    var values: [String: YAMLNode] = [:]
    var keys: [String: YAMLNode] = [:]

    subscript(key: String) -> YAMLNode? { values[key] }
}

extension SpecParser {
    /// The entries of `node` checked against `mapping`: not a mapping is `SPEC001`; a key of a sibling kind is
    /// `SPEC027`; any other unknown key is `SPEC002` with a did-you-mean; each absent required key is `SPEC003`.
    mutating func entries(
        of node: YAMLNode,
        _ mapping: SpecMapping,
        siblings: [SpecMapping] = []
    ) -> SpecEntries? {
        guard let pairs = node.mapping else {
            report(.specWrongType, "\(mapping.title) must be a mapping", at: location(node))
            return nil
        }
        let known = mapping.keyNames
        var result = SpecEntries()
        for pair in pairs {
            guard let key = pair.key.scalar?.value else {
                report(.specWrongType, "keys of \(mapping.title) must be text", at: location(pair.key))
                continue
            }
            guard known.contains(key) else {
                if let owner = siblings.first(where: { $0.keyNames.contains(key) }) {
                    report(
                        .specOptionNotApplicable,
                        "'\(key)' is not an option of \(mapping.title)",
                        at: location(pair.key),
                        hint:
                            "'\(key)' belongs to \(owner.title); \(mapping.title) takes \(Self.list(mapping.keys.map(\.name)))"
                    )
                } else {
                    report(
                        .specUnknownKey,
                        "unknown key '\(key)' in \(mapping.title)",
                        at: location(pair.key),
                        hint: DidYouMean.hint(for: key, among: known)
                            ?? "\(mapping.title) takes \(Self.list(mapping.keys.map(\.name)))"
                    )
                }
                continue
            }
            result.values[key] = pair.value
            result.keys[key] = pair.key
        }
        for required in mapping.requiredKeys where result.values[required] == nil {
            report(.specMissingKey, "\(mapping.title) is missing '\(required)'", at: location(node))
        }
        return result
    }

    /// A kinded mapping (`processors[]`, `transport`): its `kind` (checked against `candidates`, unknown kinds
    /// reported with `unknownCode`) and its entries.
    mutating func kindedEntries(
        of node: YAMLNode,
        _ candidates: [SpecMapping],
        what: String,
        unknownCode: DiagnosticCode
    ) -> (kind: String, entries: SpecEntries)? {
        guard node.mapping != nil else {
            report(.specWrongType, "\(what) must be a mapping with 'kind'", at: location(node))
            return nil
        }
        guard let kindNode = node["kind"] else {
            report(
                .specMissingKey,
                "\(what) is missing 'kind'",
                at: location(node),
                hint: "kind is one of \(Self.list(candidates.compactMap(\.kind)))"
            )
            return nil
        }
        guard let kind = choice(kindNode, candidates.compactMap(\.kind), unknownCode, "\(what) kind"),
            let mapping = candidates.first(where: { $0.kind == kind })
        else { return nil }
        guard let entries = entries(of: node, mapping, siblings: candidates.filter { $0.kind != kind }) else {
            return nil
        }
        return (kind, entries)
    }

    /// `'a', 'b' or 'c'`.
    static func list(_ words: [String]) -> String {
        guard words.count > 1 else { return words.first.map { "'\($0)'" } ?? "nothing" }
        return words.dropLast().map { "'\($0)'" }.joined(separator: ", ") + " or '\(words[words.count - 1])'"
    }
}
