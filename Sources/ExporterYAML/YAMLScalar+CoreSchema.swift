/// Typing of scalars by the YAML 1.2 core schema.
///
/// Only plain (unquoted) scalars are typed: quoted and block scalars are always strings, so `"8080"` stays a
/// string. `yes`, `no`, `on` and `off` are strings too (YAML 1.1's "Norway problem" does not exist here).
/// An explicit `!!str` makes any scalar a string; `!!int`, `!!float`, `!!bool` and `!!null` type the text by the
/// core schema whatever its style.
extension YAMLScalar {
    /// The type a scalar resolves to.
    public enum ResolvedType: Sendable, Hashable {
        /// `null`, `Null`, `NULL`, `~` or nothing.
        case null
        /// `true`/`false` in lower, title or upper case.
        case bool
        /// Decimal, `0o` octal or `0x` hexadecimal integer.
        case int
        /// Decimal float with optional exponent, `.inf`, `-.inf`, `.nan`.
        case float
        /// Anything else.
        case string
    }

    private static let coreTagPrefix = "tag:yaml.org,2002:"

    /// The type of this scalar under the core schema.
    public var resolvedType: ResolvedType {
        if let tag {
            guard tag.hasPrefix(Self.coreTagPrefix), tag != Self.coreTagPrefix + "str" else { return .string }
            return Self.coreType(of: value)
        }
        return style == .plain ? Self.coreType(of: value) : .string
    }

    /// The core-schema type of plain text.
    static func coreType(of text: String) -> ResolvedType {
        var text = text
        return text.withUTF8 { bytes in
            if isNull(bytes) { return .null }
            if isBool(bytes) != nil { return .bool }
            if integerForm(bytes) != nil { return .int }
            if isFloat(bytes) { return .float }
            return .string
        }
    }

    /// The boolean value when the scalar resolves to a bool.
    var boolValue: Bool? {
        guard resolvedType == .bool else { return nil }
        var text = value
        return text.withUTF8 { Self.isBool($0) }
    }

    /// The value as `T` when the scalar resolves to an integer that fits `T`; nil when it is not an integer or
    /// does not fit (`resolvedType` tells the two apart).
    func integer<T: FixedWidthInteger>(as type: T.Type) -> T? {
        guard resolvedType == .int else { return nil }
        var text = value
        guard let form = text.withUTF8({ Self.integerForm($0) }) else { return nil }
        switch form {
        case .decimal: return T(value, radix: 10)
        case .octal: return T(value.dropFirst(2), radix: 8)
        case .hexadecimal: return T(value.dropFirst(2), radix: 16)
        }
    }

    /// The value as a `Double` when the scalar resolves to a float or an integer.
    var doubleValue: Double? {
        switch resolvedType {
        case .float:
            switch value {
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
            case "-.inf", "-.Inf", "-.INF": return -.infinity
            case ".nan", ".NaN", ".NAN": return .nan
            default: return Double(value)
            }
        case .int:
            var text = value
            switch text.withUTF8({ Self.integerForm($0) }) {
            case .decimal: return Double(value)
            case .octal: return UInt64(value.dropFirst(2), radix: 8).map(Double.init)
            case .hexadecimal: return UInt64(value.dropFirst(2), radix: 16).map(Double.init)
            case nil: return nil
            }
        default:
            return nil
        }
    }

    enum IntegerForm {
        case decimal, octal, hexadecimal
    }

    private static func isNull(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes.count {
        case 0: return true
        case 1: return bytes[0] == UInt8(ascii: "~")
        case 4: return matchesAnyCase(bytes, "null")
        default: return false
        }
    }

    private static func isBool(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        if matchesAnyCase(bytes, "true") { return true }
        if matchesAnyCase(bytes, "false") { return false }
        return nil
    }

    /// Whether the bytes spell `word` (lower case) in lower, title or upper case.
    private static func matchesAnyCase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let lower = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        let isLower = bytes.elementsEqual(lower)
        let isUpper = bytes.elementsEqual(lower.lazy.map { $0 &- 32 })
        let isTitle = bytes[0] == lower[0] &- 32 && bytes.dropFirst().elementsEqual(lower.dropFirst())
        return isLower || isUpper || isTitle
    }

    static func integerForm(_ bytes: UnsafeBufferPointer<UInt8>) -> IntegerForm? {
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            if bytes[1] == UInt8(ascii: "o"), bytes.dropFirst(2).allSatisfy({ (0x30...0x37).contains($0) }) {
                return .octal
            }
            if bytes[1] == UInt8(ascii: "x"), bytes.dropFirst(2).allSatisfy(isHexDigit) {
                return .hexadecimal
            }
        }
        let digits =
            bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") ? bytes.dropFirst() : bytes[...]
        return !digits.isEmpty && digits.allSatisfy(isDigit) ? .decimal : nil
    }

    private static func isFloat(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var rest = bytes[...]
        if rest.first == UInt8(ascii: "-") || rest.first == UInt8(ascii: "+") { rest = rest.dropFirst() }
        let special = String(decoding: rest, as: UTF8.self)
        if [".inf", ".Inf", ".INF"].contains(special) { return true }
        if bytes.count == rest.count, [".nan", ".NaN", ".NAN"].contains(special) { return true }
        // [0-9]+ ( . [0-9]* )? | . [0-9]+
        let integral = rest.prefix(while: isDigit)
        rest = rest.dropFirst(integral.count)
        var fraction = rest.prefix(0)
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: isDigit)
            rest = rest.dropFirst(fraction.count)
        }
        guard !integral.isEmpty || !fraction.isEmpty else { return false }
        // ( [eE] [-+]? [0-9]+ )?
        if rest.first == UInt8(ascii: "e") || rest.first == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if rest.first == UInt8(ascii: "-") || rest.first == UInt8(ascii: "+") { rest = rest.dropFirst() }
            let exponent = rest.prefix(while: isDigit)
            guard !exponent.isEmpty else { return false }
            rest = rest.dropFirst(exponent.count)
        }
        return rest.isEmpty
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (0x61...0x66).contains(byte) || (0x41...0x46).contains(byte)
    }
}
