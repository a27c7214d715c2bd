/// One measured number, printed as one JSON line: `{"figure": "P1", "name": ..., "value": ..., "unit": ...}`.
struct Figure {
    var figure: String
    var name: String
    var value: Double
    var unit: String

    /// The JSON line (keys in a fixed order; names and units are plain ASCII we choose, escaped anyway).
    var jsonLine: String {
        "{\"figure\": \(Self.quoted(figure)), \"name\": \(Self.quoted(name)), \"value\": \(Self.number(value)), "
            + "\"unit\": \(Self.quoted(unit))}"
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20:
                result += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// Integers without a fraction, others with at most three decimals: stable and readable.
    private static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String((value * 1000).rounded() / 1000)
    }
}

/// Prints figures as they are measured, so a slow figure does not hold back the others' output.
enum Report {
    static func emit(_ figures: [Figure]) {
        for figure in figures { print(figure.jsonLine) }
        fflushStandardOutput()
    }
}
