import ExporterDiagnostics

/// Merge keys (`<<: *defaults`): the merged mappings' entries join the mapping unless it already has the key.
///
/// Keys written in the mapping itself win over merged ones; among several merged mappings
/// (`<<: [*a, *b]`) the earlier one wins. Merged entries take the place of the `<<` entry.
extension YAMLTreeBuilder {
    static func isMergeKey(_ node: YAMLNode) -> Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.value == "<<" && scalar.style == .plain && scalar.tag == nil
    }

    static func applyingMergeKeys(_ entries: [YAMLMappingEntry]) throws(DiagnosticError) -> [YAMLMappingEntry] {
        var seenKeys = Set(entries.compactMap { isMergeKey($0.key) ? nil : $0.key.scalar?.value })
        var result: [YAMLMappingEntry] = []
        result.reserveCapacity(entries.count)
        for entry in entries {
            guard isMergeKey(entry.key) else {
                result.append(entry)
                continue
            }
            for source in try mergeSources(of: entry.value) {
                for merged in source {
                    if let key = merged.key.scalar?.value {
                        guard seenKeys.insert(key).inserted else { continue }
                    }
                    result.append(merged)
                }
            }
        }
        return result
    }

    private static func mergeSources(of value: YAMLNode) throws(DiagnosticError) -> [[YAMLMappingEntry]] {
        switch value.kind {
        case .mapping(let entries):
            return [entries]
        case .sequence(let elements):
            var sources: [[YAMLMappingEntry]] = []
            for element in elements {
                guard let entries = element.mapping else { throw invalidMerge(at: element.location) }
                sources.append(entries)
            }
            return sources
        case .scalar:
            throw invalidMerge(at: value.location)
        }
    }

    private static func invalidMerge(at location: SourceLocation) -> DiagnosticError {
        DiagnosticError(
            .error(
                .yamlInvalidMerge,
                "a merge key '<<' takes a mapping or a sequence of mappings",
                at: location,
                hint: "write '<<: *anchor' or '<<: [*first, *second]'"
            )
        )
    }
}
