import ExporterDiagnostics
import ExporterYAML

extension SpecParser {
    /// `config.fields[]`: each field, then uniqueness of names and of their Swift names.
    mutating func parseConfig(_ node: YAMLNode?) -> [ConfigField] {
        guard let node, let config = entries(of: node, SpecGrammar.config), let list = config["fields"] else {
            return []
        }
        guard let elements = list.sequence else {
            report(.specWrongType, "'fields' must be a list", at: location(list))
            return []
        }
        var fields: [ConfigField] = []
        var swiftNames: [String: String] = [:]
        for element in elements {
            guard let parsed = parseField(element) else { continue }
            let (field, nameNode) = parsed
            if declaredFields[field.name] != nil {
                report(.specDuplicateName, "field '\(field.name)' is declared twice", at: location(nameNode))
                continue
            }
            declaredFields.updateValue(field.type, forKey: field.name)
            declaredFieldOrder.append(field.name)
            if let other = swiftNames[field.swiftName] {
                report(
                    .specSwiftNameCollision,
                    "fields '\(other)' and '\(field.name)' both become the Swift property '\(field.swiftName)'",
                    at: location(nameNode),
                    hint: "rename one of them"
                )
            }
            swiftNames[field.swiftName] = field.name
            if field.type != nil, let field = field.complete { fields.append(field) }
        }
        return fields
    }

    /// A field as far as it could be read: a broken type still declares the name (so references to it are not
    /// reported as undeclared).
    struct PartialField {
        var name: String
        var swiftName: String
        var type: FieldType?
        var complete: ConfigField?
    }

    /// The keys every exporter section has besides its fields: a field cannot take one.
    static let runtimeKeys: Set<String> = ["buffer_capacity", "overflow_policy"]

    private mutating func parseField(_ node: YAMLNode) -> (PartialField, YAMLNode)? {
        let reportedBefore = diagnostics.count
        guard let entries = entries(of: node, SpecGrammar.field) else { return nil }
        var name: String?
        if let nameNode = entries["name"], let text = text(nameNode, "name") {
            if Self.runtimeKeys.contains(text) {
                report(
                    .specInvalidFieldName,
                    "'\(text)' is a key of every exporter section already (the runtime reads it)",
                    at: location(nameNode),
                    hint: "choose another name, such as 'my_\(text)'"
                )
            } else if SpecSyntax.isSnakeCaseName(text) {
                name = text
            } else {
                report(
                    .specInvalidFieldName,
                    "'\(text)' is not a valid field name",
                    at: location(nameNode),
                    hint:
                        "use lower-case letters, digits and '_', starting with a letter: \(SpecSyntax.suggestedSnakeCase(text))"
                )
            }
        }
        let type = entries["type"].flatMap { parseType($0, entries) }
        let required = entries["required"].flatMap { bool($0, "required") } ?? false
        var env: String?
        if let envNode = entries["env"], let text = text(envNode, "env") {
            if SpecSyntax.isEnvironmentName(text) {
                env = text
            } else {
                report(
                    .specInvalidEnvironmentVariable,
                    "'\(text)' is not an environment variable name",
                    at: location(envNode),
                    hint: "use letters, digits and '_', not starting with a digit"
                )
            }
        }
        let description = entries["description"].flatMap { text($0, "description") } ?? ""
        let bounds: (min: Bound?, max: Bound?) = type.map { parseBounds(entries, type: $0) } ?? (nil, nil)
        let pattern = type.flatMap { parsePattern(entries, type: $0) }
        var defaultValue: FieldValue?
        if let type, let defaultNode = entries["default"] {
            defaultValue = parseDefault(defaultNode, type: type, required: required, bounds: bounds, pattern: pattern)
        }
        guard let name, let nameNode = entries["name"] else { return nil }
        let swiftName = SwiftIdentifier.propertyName(name)
        var partial = PartialField(name: name, swiftName: swiftName, type: type)
        if let type, diagnostics.count == reportedBefore {
            partial.complete = ConfigField(
                name: name,
                swiftName: swiftName,
                type: type,
                defaultValue: defaultValue,
                required: required,
                env: env,
                description: description,
                min: bounds.min?.value,
                max: bounds.max?.value,
                pattern: pattern?.text,
                location: location(node)
            )
        }
        return (partial, nameNode)
    }

    /// `type` with its `values` (enum, list of enum) and `of` (list).
    private mutating func parseType(_ node: YAMLNode, _ entries: SpecEntries) -> FieldType? {
        guard let keyword = choice(node, SpecCatalog.fieldTypes.map(\.name), .specUnknownFieldType, "field type") else {
            return nil
        }
        var elementKeyword: String?
        if keyword == "list" {
            if let ofNode = entries["of"] {
                elementKeyword = choice(
                    ofNode,
                    SpecCatalog.scalarFieldTypes,
                    .specInvalidListElementType,
                    "list element type"
                )
                if elementKeyword == nil { return nil }
            } else {
                report(
                    .specInvalidListElementType,
                    "a list field needs 'of' (its element type)",
                    at: location(node),
                    hint: "add 'of: string'"
                )
                return nil
            }
        } else if let ofKey = entries.keys["of"] {
            report(
                .specConstraintNotApplicable,
                "'of' applies only to list fields, not \(keyword)",
                at: location(ofKey)
            )
        }
        let takesValues = keyword == "enum" || elementKeyword == "enum"
        var values: [String] = []
        if takesValues {
            guard let parsed = parseEnumValues(entries, typeNode: node) else { return nil }
            values = parsed
        } else if let valuesKey = entries.keys["values"] {
            report(
                .specConstraintNotApplicable,
                "'values' applies only to enum fields, not \(keyword)",
                at: location(valuesKey)
            )
        }
        func scalarType(_ keyword: String) -> FieldType {
            switch keyword {
            case "int": .int
            case "double": .double
            case "bool": .bool
            case "url": .url
            case "duration": .duration
            case "secret": .secret
            case "enum": .enumeration(values)
            case "map": .map
            default: .string
            }
        }
        if let elementKeyword { return .list(scalarType(elementKeyword)) }
        return scalarType(keyword)
    }

    private mutating func parseEnumValues(_ entries: SpecEntries, typeNode: YAMLNode) -> [String]? {
        guard let node = entries["values"] else {
            report(
                .specInvalidEnumValues,
                "an enum field needs 'values'",
                at: location(typeNode),
                hint: "add 'values: [a, b]'"
            )
            return nil
        }
        guard let elements = node.sequence, !elements.isEmpty else {
            report(.specInvalidEnumValues, "'values' must be a non-empty list", at: location(node))
            return nil
        }
        var values: [String] = []
        var failed = false
        for element in elements {
            guard let value = text(element, "values") else {
                failed = true
                continue
            }
            if value.isEmpty {
                report(.specInvalidEnumValues, "an enum value must not be empty", at: location(element))
                failed = true
            } else if values.contains(value) {
                report(.specInvalidEnumValues, "enum value '\(value)' is listed twice", at: location(element))
                failed = true
            }
            values.append(value)
        }
        return failed ? nil : values
    }

    typealias Bound = (value: FieldValue, node: YAMLNode)

    /// `min` and `max`: only on int, double and duration, written in the field's type; `min` ≤ `max`.
    private mutating func parseBounds(_ entries: SpecEntries, type: FieldType) -> (min: Bound?, max: Bound?) {
        var result: (min: Bound?, max: Bound?) = (nil, nil)
        for key in ["min", "max"] {
            guard let node = entries[key], let keyNode = entries.keys[key] else { continue }
            guard type == .int || type == .double || type == .duration else {
                report(
                    .specConstraintNotApplicable,
                    "'\(key)' applies only to int, double and duration fields, not \(type.displayName)",
                    at: location(keyNode)
                )
                continue
            }
            guard let value = fieldValue(node, type: type, code: .specInvalidConstraint, what: key) else { continue }
            if key == "min" { result.min = (value, node) } else { result.max = (value, node) }
        }
        if let min = result.min, let max = result.max, Self.compare(max.value, min.value) == .some(true) {
            report(.specInvalidConstraint, "'max' is smaller than 'min'", at: location(max.node))
            result.max = nil
        }
        return result
    }

    /// Whether `lhs` < `rhs` for comparable values of the same type; nil otherwise.
    static func compare(_ lhs: FieldValue, _ rhs: FieldValue) -> Bool? {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): a < b
        case (.double(let a), .double(let b)): a < b
        case (.duration(let a), .duration(let b)): a < b
        default: nil
        }
    }

    /// `pattern`: only on string, secret and url; must compile.
    private mutating func parsePattern(
        _ entries: SpecEntries,
        type: FieldType
    ) -> (text: String, regex: Regex<AnyRegexOutput>)? {
        guard let node = entries["pattern"], let keyNode = entries.keys["pattern"] else { return nil }
        guard type == .string || type == .secret || type == .url else {
            report(
                .specConstraintNotApplicable,
                "'pattern' applies only to string, secret and url fields, not \(type.displayName)",
                at: location(keyNode)
            )
            return nil
        }
        guard let text = text(node, "pattern") else { return nil }
        do {
            return (text, try Regex(text))
        } catch {
            report(.specInvalidConstraint, "'pattern' is not a valid regular expression: \(error)", at: location(node))
            return nil
        }
    }

    private mutating func parseDefault(
        _ node: YAMLNode,
        type: FieldType,
        required: Bool,
        bounds: (min: Bound?, max: Bound?),
        pattern: (text: String, regex: Regex<AnyRegexOutput>)?
    ) -> FieldValue? {
        if required {
            report(
                .specRequiredWithDefault,
                "a required field cannot have a default",
                at: location(node),
                hint: "remove 'default' or 'required: true'"
            )
        }
        guard let value = fieldValue(node, type: type, code: .specInvalidDefault, what: "default") else { return nil }
        if type == .secret, value != .string("") {
            report(
                .specSecretDefault,
                "a secret field cannot have a non-empty default",
                at: location(node),
                hint: "use 'env' to read the secret from the environment"
            )
            return nil
        }
        if let min = bounds.min, Self.compare(value, min.value) == true {
            report(
                .specDefaultViolatesConstraint,
                "the default is smaller than 'min' (\(min.node.scalar?.value ?? ""))",
                at: location(node)
            )
        }
        if let max = bounds.max, Self.compare(max.value, value) == true {
            report(
                .specDefaultViolatesConstraint,
                "the default is larger than 'max' (\(max.node.scalar?.value ?? ""))",
                at: location(node)
            )
        }
        if let pattern, case .string(let text) = value, (try? pattern.regex.wholeMatch(in: text)) == nil {
            report(
                .specDefaultViolatesConstraint,
                "the default does not match 'pattern' (\(pattern.text))",
                at: location(node)
            )
        }
        return value
    }

    /// A literal of `type`; a mismatch is `code`, a value outside an enum's `values` is `SPEC014`.
    mutating func fieldValue(_ node: YAMLNode, type: FieldType, code: DiagnosticCode, what: String) -> FieldValue? {
        func mismatch(_ expected: String) -> FieldValue? {
            let written = node.scalar.map { "'\($0.value)'" } ?? (node.sequence != nil ? "a list" : "a mapping")
            report(code, "\(what) \(written) is not \(expected)", at: location(node))
            return nil
        }
        switch type {
        case .string, .secret:
            return node.stringValue.map(FieldValue.string) ?? mismatch("text")
        case .url:
            guard let text = node.stringValue, SpecSyntax.isAbsoluteURL(text) else {
                return mismatch("an absolute URL")
            }
            return .string(text)
        case .int:
            return node.intValue.map(FieldValue.int) ?? mismatch("a whole number")
        case .double:
            guard let value = node.doubleValue, value.isFinite else { return mismatch("a finite number") }
            return .double(value)
        case .bool:
            return node.boolValue.map(FieldValue.bool) ?? mismatch("true or false")
        case .duration:
            return Self.durationNanoseconds(node).map { .duration(nanoseconds: $0) }
                ?? mismatch("a duration (250ms, 5s, 2m or seconds)")
        case .enumeration(let values):
            guard let text = node.stringValue else { return mismatch("one of \(Self.list(values))") }
            guard values.contains(text) else {
                report(
                    .specDefaultViolatesConstraint,
                    "\(what) '\(text)' is not one of the enum's values",
                    at: location(node),
                    hint: DidYouMean.hint(for: text, among: values) ?? "use \(Self.list(values))"
                )
                return nil
            }
            return .string(text)
        case .list(let element):
            guard let elements = node.sequence else { return mismatch("a list") }
            let values = elements.map { fieldValue($0, type: element, code: code, what: "element") }
            return values.contains(nil) ? nil : .list(values.compactMap(\.self))
        case .map:
            guard let pairs = node.mapping else { return mismatch("a mapping of text to text") }
            var result: [String: String] = [:]
            for pair in pairs {
                guard let key = pair.key.stringValue, let value = pair.value.stringValue else {
                    report(code, "\(what) must map text to text", at: location(pair.value))
                    return nil
                }
                result[key] = value
            }
            return .map(result)
        }
    }
}
