import ExporterDiagnostics

/// Turns libyaml's events into one node tree: resolves aliases under the expansion limits, rejects duplicate
/// keys, applies merge keys and allows a single document.
struct YAMLTreeBuilder {
    /// A collection whose end event has not arrived yet.
    private struct OpenCollection {
        var location: SourceLocation
        var anchor: String?
        var isMapping: Bool
        /// Elements, or keys and values alternating for a mapping.
        var children: [YAMLNode] = []
        /// The number of nodes in this subtree with aliases expanded, itself included.
        var expandedSize = 1
        /// Bytes of scalar text in this subtree with aliases expanded.
        var expandedBytes = 0
        /// Collection levels in this subtree with aliases expanded, itself included.
        var height = 1
        /// Where each scalar key was first written, to report duplicates.
        var keyLocations: [String: SourceLocation] = [:]
        var hasMergeKey = false
    }

    /// An anchored node with its expanded size and height, memoized so that aliases are checked in constant time.
    private struct Anchored {
        var node: YAMLNode
        var expandedSize: Int
        var expandedBytes: Int
        var height: Int
    }

    private let options: YAMLParseOptions
    private var open: [OpenCollection] = []
    private var anchors: [String: Anchored] = [:]
    private var expandedNodeCount = 0
    private var expandedByteCount = 0
    private var aliasCount = 0
    private var root: YAMLNode?

    init(options: YAMLParseOptions) {
        self.options = options
    }

    /// Reads the whole stream; nil when it holds no document or an empty one.
    static func build(from reader: YAMLEventReader, options: YAMLParseOptions) throws(DiagnosticError) -> YAMLNode? {
        var builder = YAMLTreeBuilder(options: options)
        var documents = 0
        while true {
            let event = try reader.next()
            switch event.kind {
            case .streamStart, .documentEnd:
                continue
            case .streamEnd:
                return builder.root
            case .documentStart:
                documents += 1
                if documents > 1 {
                    throw DiagnosticError(
                        .error(
                            .yamlMultipleDocuments,
                            "a second document starts here; only one document is allowed",
                            at: event.location,
                            hint: "remove the '---' separator or split the file"
                        )
                    )
                }
            case .alias(let anchor):
                try builder.addAlias(anchor, at: event.location)
            case .scalar(let scalar, let anchor):
                try builder.countNodes(1, at: event.location)
                let bytes = scalar.value.utf8.count
                try builder.countBytes(bytes, at: event.location, alias: nil)
                let node = YAMLNode(.scalar(scalar), location: event.location)
                let isEmptyDocument =
                    builder.open.isEmpty && scalar.style == .plain && scalar.value.isEmpty
                    && scalar.tag == nil
                if isEmptyDocument { continue }
                try builder.add(node, expandedSize: 1, expandedBytes: bytes, height: 0, anchor: anchor)
            case .sequenceStart(let anchor):
                try builder.openCollection(isMapping: false, anchor: anchor, at: event.location)
            case .mappingStart(let anchor):
                try builder.openCollection(isMapping: true, anchor: anchor, at: event.location)
            case .sequenceEnd, .mappingEnd:
                try builder.closeCollection()
            }
        }
    }

    private mutating func countNodes(_ count: Int, at location: SourceLocation) throws(DiagnosticError) {
        expandedNodeCount += count
        if expandedNodeCount > options.maxNodes {
            throw DiagnosticError(
                .error(
                    .yamlAliasExpansionLimit,
                    "the document would hold more than \(options.maxNodes) nodes with its aliases expanded",
                    at: location,
                    hint: "this looks like an alias bomb; use fewer or smaller aliases"
                )
            )
        }
    }

    private mutating func countBytes(_ count: Int, at location: SourceLocation, alias: String?) throws(DiagnosticError)
    {
        expandedByteCount += count
        guard expandedByteCount > options.maxExpandedBytes else { return }
        let limit = "more than \(options.maxExpandedBytes) bytes of text"
        throw DiagnosticError(
            .error(
                .yamlAliasExpansionLimit,
                alias.map { "expanding alias '*\($0)' would make the document hold \(limit)" }
                    ?? "the document holds \(limit)",
                at: location,
                hint: alias == nil ? nil : "this looks like an alias bomb; use fewer aliases of long values"
            )
        )
    }

    private mutating func openCollection(
        isMapping: Bool,
        anchor: String?,
        at location: SourceLocation
    )
        throws(DiagnosticError)
    {
        guard open.count < options.maxDepth else { throw tooDeep(at: location) }
        try countNodes(1, at: location)
        open.append(OpenCollection(location: location, anchor: anchor, isMapping: isMapping))
    }

    private func tooDeep(at location: SourceLocation) -> DiagnosticError {
        DiagnosticError(
            .error(
                .yamlNestingTooDeep,
                "collections nest deeper than \(options.maxDepth) levels",
                at: location
            )
        )
    }

    private mutating func closeCollection() throws(DiagnosticError) {
        guard let collection = open.popLast() else { return }
        let node: YAMLNode
        if collection.isMapping {
            var entries: [YAMLMappingEntry] = []
            entries.reserveCapacity(collection.children.count / 2)
            var index = 0
            while index + 1 < collection.children.count {
                entries.append(YAMLMappingEntry(key: collection.children[index], value: collection.children[index + 1]))
                index += 2
            }
            if collection.hasMergeKey { entries = try Self.applyingMergeKeys(entries) }
            node = YAMLNode(.mapping(entries), location: collection.location)
        } else {
            node = YAMLNode(.sequence(collection.children), location: collection.location)
        }
        try add(
            node,
            expandedSize: collection.expandedSize,
            expandedBytes: collection.expandedBytes,
            height: collection.height,
            anchor: collection.anchor
        )
    }

    private mutating func addAlias(_ anchor: String, at location: SourceLocation) throws(DiagnosticError) {
        guard let anchored = anchors[anchor] else {
            let isOpen = open.contains { $0.anchor == anchor }
            throw DiagnosticError(
                .error(
                    .yamlUnknownAlias,
                    "alias '*\(anchor)' refers to no anchor defined before it",
                    at: location,
                    hint: isOpen
                        ? "an alias cannot refer to a collection that contains it"
                        : DidYouMean.suggestion(for: anchor, among: anchors.keys).map { "did you mean '*\($0)'?" }
                )
            )
        }
        aliasCount += 1
        if aliasCount > options.maxAliases {
            throw DiagnosticError(
                .error(
                    .yamlAliasExpansionLimit,
                    "the document uses more than \(options.maxAliases) aliases",
                    at: location
                )
            )
        }
        // Aliases of aliases can nest far deeper than the text does; later recursive walks must stay shallow.
        guard open.count + anchored.height <= options.maxDepth else { throw tooDeep(at: location) }
        try countNodes(anchored.expandedSize, at: location)
        try countBytes(anchored.expandedBytes, at: location, alias: anchor)
        try add(
            anchored.node,
            expandedSize: anchored.expandedSize,
            expandedBytes: anchored.expandedBytes,
            height: anchored.height,
            anchor: nil
        )
    }

    /// Attaches a finished node to its parent (or makes it the root) and records its anchor.
    private mutating func add(
        _ node: YAMLNode,
        expandedSize: Int,
        expandedBytes: Int,
        height: Int,
        anchor: String?
    )
        throws(DiagnosticError)
    {
        if let anchor {
            anchors[anchor] = Anchored(
                node: node,
                expandedSize: expandedSize,
                expandedBytes: expandedBytes,
                height: height
            )
        }
        guard !open.isEmpty else {
            root = node
            return
        }
        let isKey = open[open.count - 1].isMapping && open[open.count - 1].children.count % 2 == 0
        if isKey, let key = node.scalar?.value {
            if let first = open[open.count - 1].keyLocations[key] {
                throw DiagnosticError(
                    .error(
                        .yamlDuplicateKey,
                        "duplicate key '\(key)'",
                        at: node.location,
                        hint: "'\(key)' is first defined at \(first.line):\(first.column)"
                    )
                )
            }
            open[open.count - 1].keyLocations[key] = node.location
            if Self.isMergeKey(node) { open[open.count - 1].hasMergeKey = true }
        }
        open[open.count - 1].expandedSize += expandedSize
        open[open.count - 1].expandedBytes += expandedBytes
        open[open.count - 1].height = max(open[open.count - 1].height, height + 1)
        open[open.count - 1].children.append(node)
    }
}
