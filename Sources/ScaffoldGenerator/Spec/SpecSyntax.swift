/// The small lexical rules of the format, written out by hand: they run on every name, and a hand-written check
/// says exactly what it accepts.
///
/// Of the four descriptions of the format, this one is the smallest scale, the spelling of one word; what kind of
/// value a key holds is ``SpecShape``'s, which keys a mapping has ``SpecGrammar``'s, and the closed word lists
/// ``SpecCatalog``'s.
enum SpecSyntax {
    /// `[a-z][a-z0-9_]*`: exporter, field and custom processor names.
    static func isSnakeCaseName(_ text: String) -> Bool {
        guard let first = text.utf8.first, isLower(first) else { return false }
        return text.utf8.allSatisfy { isLower($0) || isDigit($0) || $0 == UInt8(ascii: "_") }
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`: environment variable names.
    static func isEnvironmentName(_ text: String) -> Bool {
        guard let first = text.utf8.first, !isDigit(first) else { return false }
        return text.utf8.allSatisfy { isLower($0) || isUpper($0) || isDigit($0) || $0 == UInt8(ascii: "_") }
    }

    /// `MAJOR.MINOR.PATCH` with optional `-prerelease` and `+build` of `[0-9A-Za-z.-]`.
    static func isSemanticVersion(_ text: String) -> Bool {
        let core = text.prefix { $0 != "-" && $0 != "+" }
        let numbers = core.split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 3, numbers.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(isDigit) }) else {
            return false
        }
        let rest = text.dropFirst(core.count)
        guard !rest.isEmpty else { return true }
        let labels = rest.dropFirst()
        return !labels.isEmpty
            && labels.utf8.allSatisfy {
                isLower($0) || isUpper($0) || isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
                    || $0 == UInt8(ascii: "+")
            }
    }

    /// An absolute `http://` or `https://` URL with a host and no whitespace.
    static func isHTTPURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        guard let scheme = ["http://", "https://"].first(where: lowered.hasPrefix) else { return false }
        let rest = text.dropFirst(scheme.count)
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !host.isEmpty && !text.contains(where: \.isWhitespace)
    }

    /// An absolute URL of any scheme: `scheme:` then something, no whitespace.
    static func isAbsoluteURL(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.utf8.first, isLower(first) || isUpper(first) else { return false }
        let schemeIsValid = scheme.utf8.allSatisfy {
            isLower($0) || isUpper($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-")
                || $0 == UInt8(ascii: ".")
        }
        return schemeIsValid && text.index(after: colon) != text.endIndex && !text.contains(where: \.isWhitespace)
    }

    /// A duration written as text: a non-negative number with a unit (`ns`, `us`, `µs`, `ms`, `s`, `m`, `h`) or a
    /// bare number of seconds; nil when malformed, negative or too large for `Int64` nanoseconds.
    static func durationNanoseconds(parsing text: String) -> Int64? {
        let units: [(suffix: String, nanoseconds: Double)] = [
            ("ns", 1), ("us", 1e3), ("µs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9),
        ]
        var number = Substring(text)
        var scale = 1e9
        // Two-letter units first, so `ms` is not read as `m` + `s`.
        for unit in units.sorted(by: { $0.suffix.count > $1.suffix.count }) where text.hasSuffix(unit.suffix) {
            number = text.dropLast(unit.suffix.count)
            scale = unit.nanoseconds
            break
        }
        guard number.utf8.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") }), let value = Double(number) else {
            return nil
        }
        return durationNanoseconds(seconds: value * scale / 1e9)
    }

    /// A number of seconds in nanoseconds; nil when negative, not finite or too large.
    static func durationNanoseconds(seconds: Double) -> Int64? {
        let nanoseconds = (seconds * 1e9).rounded()
        guard nanoseconds.isFinite, nanoseconds >= 0, nanoseconds < Double(Int64.max) else { return nil }
        return Int64(nanoseconds)
    }

    /// A snake_case spelling of `text` for hints (`AcmeHTTP` → `acmehttp`, `my-exporter` → `my_exporter`).
    static func suggestedSnakeCase(_ text: String) -> String {
        var result = String(
            text.lowercased().map { character -> Character in
                character.isASCII && (character.isLetter || character.isNumber) ? character : "_"
            }
        )
        while result.first == "_" || result.first?.isNumber == true { result.removeFirst() }
        return result.isEmpty ? "my_exporter" : "'\(result)'"
    }

    private static func isLower(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }
    private static func isUpper(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
}
