import ExporterDiagnostics

/// `${VAR}` and `${VAR:-default}` substitution in scalar values (never in keys).
///
/// - Substitution happens exactly once: text that a variable or default brings in is never scanned again, so a
///   value containing `${...}` stays literal.
/// - `$${` writes a literal `${`.
/// - `${VAR:-default}` uses the default when `VAR` is unset or empty (as in POSIX shells); `${VAR}` with `VAR`
///   unset is an error, and every unset variable of the tree is reported at once.
/// - An aliased node is substituted once, however many aliases repeat it, so an alias bomb costs no more time
///   than its text (see ``YAMLInterpolator``).
/// - A plain scalar keeps its style, so the core schema types the substituted text: `port: ${PORT:-4318}` is the
///   integer 4318, and a plain `${EMPTY}` that substitutes to nothing is null. Quoted scalars stay strings.
extension YAMLNode {
    /// The tree with environment variables substituted in every scalar value.
    public func interpolatingEnvironment(_ environment: [String: String]) throws(DiagnosticError) -> YAMLNode {
        var interpolator = YAMLInterpolator(environment: environment)
        let result = interpolator.interpolate(self)
        if !interpolator.diagnostics.isEmpty { throw DiagnosticError(interpolator.diagnostics) }
        return result
    }
}

/// Walks a tree substituting variables and collecting every problem rather than stopping at the first.
///
/// An alias is a copy of its anchored node with the anchored node's positions, and no two nodes of one kind that
/// were written separately start at the same position; so the result of each node is memoized by kind and
/// position, and every alias of a node reuses it instead of walking (and copying) the subtree again.
struct YAMLInterpolator {
    /// A written node: its kind and where it starts.
    private struct NodeIdentity: Hashable {
        enum Kind: Hashable { case scalar, sequence, mapping }
        var kind: Kind
        var location: SourceLocation
    }

    let environment: [String: String]
    private(set) var diagnostics: [Diagnostic] = []
    /// Each problem is reported once, however many nodes carry its position.
    private var reported: Set<Diagnostic> = []
    private var finished: [NodeIdentity: YAMLNode] = [:]

    init(environment: [String: String]) {
        self.environment = environment
    }

    mutating func interpolate(_ node: YAMLNode) -> YAMLNode {
        let identity: NodeIdentity
        switch node.kind {
        case .scalar: identity = NodeIdentity(kind: .scalar, location: node.location)
        case .sequence: identity = NodeIdentity(kind: .sequence, location: node.location)
        case .mapping: identity = NodeIdentity(kind: .mapping, location: node.location)
        }
        if let done = finished[identity] { return done }
        let result = substituting(node)
        finished[identity] = result
        return result
    }

    private mutating func substituting(_ node: YAMLNode) -> YAMLNode {
        switch node.kind {
        case .scalar(let scalar):
            guard scalar.value.utf8.contains(UInt8(ascii: "$")) else { return node }
            return YAMLNode(.scalar(interpolate(scalar, at: node.location)), location: node.location)
        case .sequence(let elements):
            return YAMLNode(.sequence(elements.map { interpolate($0) }), location: node.location)
        case .mapping(let entries):
            let interpolated = entries.map { YAMLMappingEntry(key: $0.key, value: interpolate($0.value)) }
            return YAMLNode(.mapping(interpolated), location: node.location)
        }
    }

    private mutating func interpolate(_ scalar: YAMLScalar, at location: SourceLocation) -> YAMLScalar {
        let characters = Array(scalar.value.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        var changed = false
        var failed = false
        while index < characters.count {
            let character = characters[index]
            guard character == "$", index + 1 < characters.count else {
                output.append(character)
                index += 1
                continue
            }
            if characters[index + 1] == "$", index + 2 < characters.count, characters[index + 2] == "{" {
                output.append(contentsOf: "${".unicodeScalars)
                index += 3
                changed = true
                continue
            }
            guard characters[index + 1] == "{" else {
                output.append(character)
                index += 1
                continue
            }
            let position = Self.position(ofOffset: index, in: scalar, at: location)
            guard let close = characters[(index + 2)...].firstIndex(of: "}") else {
                report(
                    .yamlMalformedInterpolation,
                    "'${' has no closing '}'",
                    at: position,
                    hint: "write '$${' for a literal '${'"
                )
                return scalar
            }
            let reference = String(String.UnicodeScalarView(characters[(index + 2)..<close]))
            // Keep going after a problem so that every unset variable of the value is reported.
            if let substitution = substitution(for: reference, at: position) {
                output.append(contentsOf: substitution.unicodeScalars)
            } else {
                failed = true
            }
            index = close + 1
            changed = true
        }
        guard changed, !failed else { return scalar }
        var result = scalar
        result.value = String(output)
        result.verbatimColumn = nil
        return result
    }

    /// The text for `NAME` or `NAME:-default`, or nil after reporting why there is none.
    private mutating func substitution(for reference: String, at position: SourceLocation) -> String? {
        let name: Substring
        let fallback: Substring?
        if let separator = reference.range(of: ":-") {
            name = reference[..<separator.lowerBound]
            fallback = reference[separator.upperBound...]
        } else {
            name = reference[...]
            fallback = nil
        }
        guard Self.isVariableName(name) else {
            report(
                .yamlMalformedInterpolation,
                "'${\(reference)}' does not name a variable",
                at: position,
                hint: "write ${NAME} or ${NAME:-default} with NAME made of letters, digits and '_'"
            )
            return nil
        }
        let value = environment[String(name)]
        if let fallback {
            if let value, !value.isEmpty { return value }
            return String(fallback)
        }
        guard let value else {
            report(
                .yamlUnsetVariable,
                "environment variable '\(name)' is not set",
                at: position,
                hint: "set \(name), or give a default with ${\(name):-value}"
            )
            return nil
        }
        return value
    }

    private static func isVariableName(_ name: Substring) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return name.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0)
        }
    }

    /// The position of a character of the value: exact when the value is verbatim on one source line, else the
    /// scalar's own position.
    private static func position(
        ofOffset offset: Int,
        in scalar: YAMLScalar,
        at location: SourceLocation
    )
        -> SourceLocation
    {
        guard let column = scalar.verbatimColumn else { return location }
        var position = location
        position.column = column + offset
        return position
    }

    private mutating func report(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, hint: String) {
        let diagnostic = Diagnostic.error(code, message, at: location, hint: hint)
        if reported.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
    }
}
