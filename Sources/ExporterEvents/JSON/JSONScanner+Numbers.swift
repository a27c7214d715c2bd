import ExporterDiagnostics

extension JSONScanner {
    /// Powers of ten that a `Double` holds exactly: multiplying or dividing an exact mantissa by one of them rounds
    /// once, so the result is the correctly rounded value (Clinger's fast path).
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ]

    /// Reads a number (or `-Infinity`) at the cursor.
    mutating func parseNumber() throws(DiagnosticError) -> JSONValue {
        let start = index
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "I") {
                try expectLiteral("Infinity")
                return .double(-.infinity)
            }
        }
        guard index < bytes.count else { throw endOfInput("a digit") }
        var mantissa: UInt64 = 0
        var mantissaOverflowed = false

        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        let first = bytes[index]
        if first == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) {
                throw failure(.jsonMalformedNumber, "invalid number: leading zeros are not allowed", at: start)
            }
        } else if isDigit(first) {
            while index < bytes.count, isDigit(bytes[index]) {
                accumulate(bytes[index], into: &mantissa, overflowed: &mantissaOverflowed)
                index += 1
            }
        } else {
            throw failure(
                .jsonMalformedNumber,
                "invalid number: expected a digit, found \(describeByte(at: index))",
                at: index
            )
        }

        var fractionDigits = 0
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                if index >= bytes.count { throw endOfInput("a digit after '.'") }
                throw failure(
                    .jsonMalformedNumber,
                    "invalid number: expected a digit after '.', found \(describeByte(at: index))",
                    at: index
                )
            }
            while index < bytes.count, isDigit(bytes[index]) {
                if !mantissaOverflowed {
                    accumulate(bytes[index], into: &mantissa, overflowed: &mantissaOverflowed)
                    if !mantissaOverflowed { fractionDigits += 1 }
                }
                index += 1
            }
        }

        var exponent = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            var exponentNegative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else {
                if index >= bytes.count { throw endOfInput("a digit in the exponent") }
                throw failure(
                    .jsonMalformedNumber,
                    "invalid number: expected a digit in the exponent, found \(describeByte(at: index))",
                    at: index
                )
            }
            while index < bytes.count, isDigit(bytes[index]) {
                if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
                index += 1
            }
            if exponentNegative { exponent = -exponent }
        }

        if isInteger {
            if !mantissaOverflowed {
                if negative {
                    if mantissa == UInt64(Int64.max) + 1 { return .int(.min) }
                    if mantissa <= UInt64(Int64.max) { return .int(-Int64(mantissa)) }
                } else if mantissa <= UInt64(Int64.max) {
                    return .int(Int64(mantissa))
                }
            }
            // Beyond Int64: keep the digits, as Python keeps the int, instead of rounding to a double.
            return .largeInteger(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        }

        let decimalExponent = exponent - fractionDigits
        if !mantissaOverflowed, mantissa <= 1 << 53, abs(decimalExponent) <= 22 {
            var value = Double(mantissa)
            let scale = Self.exactPowersOfTen[abs(decimalExponent)]
            value = decimalExponent < 0 ? value / scale : value * scale
            return .double(negative ? -value : value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text) else {
            throw failure(.jsonMalformedNumber, "invalid number '\(text)'", at: start)
        }
        return .double(value)
    }

    /// Adds one decimal digit to `mantissa`; once it would overflow, the slow path parses the text instead.
    private func accumulate(_ byte: UInt8, into mantissa: inout UInt64, overflowed: inout Bool) {
        guard !overflowed else { return }
        let (times10, overflow1) = mantissa.multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
        if overflow1 || overflow2 {
            overflowed = true
        } else {
            mantissa = sum
        }
    }
}
