import ExporterDiagnostics

/// The cursor behind ``JSONParser``: walks a byte buffer once, building values as it goes.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let maximumDepth: Int
    var index = 0
    var depth = 0
    /// Reused for strings that contain escapes, so only their final `String` allocates.
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
            default: return
            }
        }
    }

    mutating func parseValue() throws(DiagnosticError) -> JSONValue {
        guard index < bytes.count else { throw endOfInput("a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "N"): try expectLiteral("NaN"); return .double(.nan)
        case UInt8(ascii: "I"): try expectLiteral("Infinity"); return .double(.infinity)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default:
            throw failure(
                .jsonUnexpectedCharacter,
                "unexpected \(describeByte(at: index)); expected a JSON value",
                at: index
            )
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(DiagnosticError) {
        let start = index
        let text = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for expected in text {
            guard index < bytes.count else { throw endOfInput("'\(literal)'") }
            guard bytes[index] == expected else {
                throw failure(
                    .jsonUnexpectedCharacter,
                    "unexpected \(describeByte(at: index)) in what looks like '\(literal)'",
                    at: index == start ? start : index
                )
            }
            index += 1
        }
    }

    mutating func enterContainer() throws(DiagnosticError) {
        depth += 1
        if depth > maximumDepth {
            throw failure(.jsonNestingTooDeep, "arrays and objects nest deeper than \(maximumDepth) levels", at: index)
        }
    }

    mutating func parseArray() throws(DiagnosticError) -> JSONValue {
        try enterContainer()
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw endOfInput("',' or ']'") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return .array(elements)
            default:
                throw failure(
                    .jsonMissingDelimiter,
                    "expected ',' or ']' after an array element, found \(describeByte(at: index))",
                    at: index
                )
            }
        }
    }

    mutating func parseObject() throws(DiagnosticError) -> JSONValue {
        try enterContainer()
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(JSONObject())
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw endOfInput("an object key") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw failure(
                    .jsonMissingDelimiter,
                    "expected a string key, found \(describeByte(at: index))",
                    at: index
                )
            }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count else { throw endOfInput("':'") }
            guard bytes[index] == UInt8(ascii: ":") else {
                throw failure(
                    .jsonMissingDelimiter,
                    "expected ':' after key \"\(key)\", found \(describeByte(at: index))",
                    at: index
                )
            }
            index += 1
            skipWhitespace()
            members.append((key, try parseValue()))
            skipWhitespace()
            guard index < bytes.count else { throw endOfInput("',' or '}'") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                return .object(Self.makeObject(members))
            default:
                throw failure(
                    .jsonMissingDelimiter,
                    "expected ',' or '}' after an object member, found \(describeByte(at: index))",
                    at: index
                )
            }
        }
    }

    /// Builds an object without per-key lookups when keys are unique (the normal case); a repeated key keeps its
    /// first position and last value, as Python's `json` keeps the last value.
    static func makeObject(_ members: [(key: String, value: JSONValue)]) -> JSONObject {
        var unique = true
        if members.count <= 16 {
            outer: for i in members.indices {
                for j in members.indices where j > i && members[i].key == members[j].key {
                    unique = false
                    break outer
                }
            }
        } else {
            var seen = Set<String>(minimumCapacity: members.count)
            for member in members where !seen.insert(member.key).inserted {
                unique = false
                break
            }
        }
        if unique { return JSONObject(uniqueMembers: members) }
        return JSONObject(members.lazy.map { ($0.key, $0.value) })
    }
}
