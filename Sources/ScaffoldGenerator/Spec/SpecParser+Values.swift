import ExporterDiagnostics
import ExporterYAML

/// What a reference's field must be to fit where it is used.
struct FieldExpectation {
    /// `an int field`, for messages.
    var description: String
    var accepts: (FieldType) -> Bool

    static var int: Self { Self(description: "an int field") { $0 == .int } }
    static var number: Self { Self(description: "a double or int field") { $0 == .double || $0 == .int } }
    static var bool: Self { Self(description: "a bool field") { $0 == .bool } }
    static var duration: Self { Self(description: "a duration field") { $0 == .duration } }
    static var text: Self { Self(description: "a string, url, secret or enum field") { $0.isTextual } }
    static var scalar: Self { Self(description: "a field of a scalar type (not a list or map)") { $0.isScalar } }
    static var endpoint: Self { Self(description: "a url or string field") { $0 == .url || $0 == .string } }
    static var credential: Self { Self(description: "a secret or string field") { $0 == .secret || $0 == .string } }
    static var map: Self { Self(description: "a map field") { $0 == .map } }
    static var textList: Self {
        Self(description: "a list of string (or enum) field") {
            if case .list(let element) = $0 { return element.isTextual }
            return false
        }
    }

    /// An enum field whose every value is one of `allowed`.
    static func choice(_ allowed: [String]) -> Self {
        Self(description: "an enum field with values among \(SpecParser.list(allowed))") {
            if case .enumeration(let values) = $0 { return values.allSatisfy(allowed.contains) }
            return false
        }
    }
}

extension SpecParser {
    /// The text of a non-null scalar; anything else is `SPEC001`.
    mutating func text(_ node: YAMLNode, _ what: String) -> String? {
        if let text = node.stringValue { return text }
        report(.specWrongType, node.isNull ? "'\(what)' has no value" : "'\(what)' must be text", at: location(node))
        return nil
    }

    mutating func bool(_ node: YAMLNode, _ what: String) -> Bool? {
        if let value = node.boolValue { return value }
        report(.specWrongType, "'\(what)' must be true or false", at: location(node))
        return nil
    }

    mutating func int(_ node: YAMLNode, _ what: String) -> Int? {
        if let value = node.intValue { return value }
        let problem = node.scalar?.resolvedType == .int ? "is out of range" : "must be a whole number"
        report(.specWrongType, "'\(what)' \(problem)", at: location(node))
        return nil
    }

    mutating func number(_ node: YAMLNode, _ what: String) -> Double? {
        if let value = node.doubleValue, value.isFinite { return value }
        report(.specWrongType, "'\(what)' must be a finite number", at: location(node))
        return nil
    }

    /// A duration: a number of seconds or text with a unit.
    mutating func duration(_ node: YAMLNode, _ what: String, code: DiagnosticCode = .specInvalidOptionValue) -> Int64? {
        if let nanoseconds = Self.durationNanoseconds(node) { return nanoseconds }
        report(
            code,
            "'\(node.scalar?.value ?? "")' is not a duration for '\(what)'",
            at: location(node),
            hint: "write a non-negative number with a unit (250ms, 5s, 2m, 1h) or a number of seconds"
        )
        return nil
    }

    static func durationNanoseconds(_ node: YAMLNode) -> Int64? {
        guard let scalar = node.scalar else { return nil }
        switch scalar.resolvedType {
        case .int, .float: return node.doubleValue.flatMap(SpecSyntax.durationNanoseconds(seconds:))
        case .string: return SpecSyntax.durationNanoseconds(parsing: scalar.value)
        case .null, .bool: return nil
        }
    }

    /// One of `allowed`, or `code` with a did-you-mean.
    mutating func choice(
        _ node: YAMLNode,
        _ allowed: [String],
        _ code: DiagnosticCode,
        _ what: String
    ) -> String? {
        guard let value = text(node, what) else { return nil }
        guard allowed.contains(value) else {
            report(
                code,
                "unknown \(what) '\(value)'",
                at: location(node),
                hint: DidYouMean.hint(for: value, among: allowed) ?? "use \(Self.list(allowed))"
            )
            return nil
        }
        return value
    }

    /// A list of texts.
    mutating func textList(_ node: YAMLNode, _ what: String) -> [String]? {
        guard let elements = node.sequence else {
            report(.specWrongType, "'\(what)' must be a list", at: location(node))
            return nil
        }
        let texts = elements.map { text($0, what) }
        return texts.contains(nil) ? nil : texts.compactMap(\.self)
    }

    /// A mapping of texts to texts.
    mutating func textMap(_ node: YAMLNode, _ what: String) -> [String: String]? {
        guard let pairs = node.mapping else {
            report(.specWrongType, "'\(what)' must be a mapping", at: location(node))
            return nil
        }
        var result: [String: String] = [:]
        var failed = false
        for pair in pairs {
            guard let key = text(pair.key, "\(what) key"), let value = text(pair.value, "\(what).\(key)") else {
                failed = true
                continue
            }
            result[key] = value
        }
        return failed ? nil : result
    }

    /// The field name when `node` is exactly `${name}`.
    func wholeReference(_ node: YAMLNode) -> String? {
        guard let scalar = node.scalar, scalar.value.hasPrefix("${"), scalar.value.hasSuffix("}") else { return nil }
        let name = String(scalar.value.dropFirst(2).dropLast())
        return SpecSyntax.isSnakeCaseName(name) ? name : nil
    }

    /// An option that is a literal (read by `literal`, which reports its own problems) or a whole `${field}`
    /// reference checked against `expectation`.
    mutating func option<Value>(
        _ node: YAMLNode?,
        _ expectation: FieldExpectation,
        _ what: String,
        literal: (inout SpecParser, YAMLNode) -> Value?
    ) -> OptionValue<Value>? {
        guard let node else { return nil }
        if let name = wholeReference(node) {
            checkReference(name, at: location(node), expectation, what)
            return .field(name)
        }
        return literal(&self, node).map { .literal($0) }
    }

    /// Reports `SPEC029` when `name` is not a declared field and `SPEC030` when its type does not fit.
    mutating func checkReference(
        _ name: String,
        at location: SourceLocation,
        _ expectation: FieldExpectation,
        _ what: String
    ) {
        guard let declared = declaredFields[name] else {
            report(
                .specUndeclaredField,
                "'\(what)' references '\(name)', which is not a config field",
                at: location,
                hint: DidYouMean.hint(for: name, among: declaredFieldOrder) ?? "declare it under config.fields"
            )
            return
        }
        if let type = declared, !expectation.accepts(type) {
            report(
                .specIncompatibleField,
                "'\(what)' needs \(expectation.description), but '\(name)' is a \(type.displayName) field",
                at: location
            )
        }
    }

    /// A string template: text with `${field}` references (each checked against `expectation`); `$${` is a
    /// literal `${`. Malformed references are `SPEC031` at their exact column when the scalar is written verbatim.
    mutating func template(_ node: YAMLNode, _ what: String, _ expectation: FieldExpectation) -> StringTemplate? {
        guard let scalar = node.scalar, let value = node.stringValue else {
            _ = text(node, what)
            return nil
        }
        let characters = Array(value.unicodeScalars)
        var parts: [StringTemplate.Part] = []
        var literal = String.UnicodeScalarView()
        var index = 0
        var failed = false
        func position(_ offset: Int) -> SourceLocation {
            var at = location(node)
            if let column = scalar.verbatimColumn {
                at.column = column + offset
            }
            return at
        }
        while index < characters.count {
            if characters[index] == "$", index + 2 < characters.count, characters[index + 1] == "$",
                characters[index + 2] == "{"
            {
                literal.append(contentsOf: "${".unicodeScalars)
                index += 3
                continue
            }
            guard characters[index] == "$", index + 1 < characters.count, characters[index + 1] == "{" else {
                literal.append(characters[index])
                index += 1
                continue
            }
            guard let close = characters[(index + 2)...].firstIndex(of: "}") else {
                report(
                    .specMalformedTemplate,
                    "'${' in '\(what)' has no closing '}'",
                    at: position(index),
                    hint: "write '$${' for a literal '${'"
                )
                failed = true
                break
            }
            let name = String(String.UnicodeScalarView(characters[(index + 2)..<close]))
            if SpecSyntax.isSnakeCaseName(name) {
                checkReference(name, at: position(index), expectation, what)
                parts.append(.literal(String(literal)))
                literal = String.UnicodeScalarView()
                parts.append(.field(name))
            } else {
                report(
                    .specMalformedTemplate,
                    "'${\(name)}' in '\(what)' is not a field reference",
                    at: position(index),
                    hint: "field names are lower-case snake_case; write '$${' for a literal '${'"
                )
                failed = true
            }
            index = close + 1
        }
        parts.append(.literal(String(literal)))
        return failed ? nil : StringTemplate(parts: parts, location: location(node))
    }
}
