/// HTTP dates (RFC 9110 §5.6.7): the preferred IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) and the two
/// obsolete forms recipients must still accept, rfc850-date (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime
/// (`Sun Nov  6 08:49:37 1994`).
import ExporterEvents

public enum HTTPDate {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let shortDays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let longDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Parses any of the three forms; nil when malformed.
    ///
    /// - Parameter now: resolves rfc850's two-digit year: a year that would be more than 50 years in the
    ///   future is taken from the previous century, as RFC 9110 requires.
    public static func parse(_ text: String, now: Timestamp = .now()) -> Timestamp? {
        let tokens = text.split(separator: " ", omittingEmptySubsequences: true)
        switch tokens.count {
        case 6:  // IMF-fixdate
            guard tokens[0].hasSuffix(","), shortDays.contains(String(tokens[0].dropLast())), tokens[5] == "GMT",
                tokens[1].count == 2, tokens[3].count == 4,
                let day = Int(tokens[1]), let month = monthNumber(tokens[2]), let year = Int(tokens[3])
            else { return nil }
            return timestamp(year: year, month: month, day: day, time: tokens[4])
        case 4:  // rfc850-date
            let parts = tokens[1].split(separator: "-", omittingEmptySubsequences: false)
            guard tokens[0].hasSuffix(","), longDays.contains(String(tokens[0].dropLast())), tokens[3] == "GMT",
                parts.count == 3, parts[0].count == 2, parts[2].count == 2,
                let day = Int(parts[0]), let month = monthNumber(parts[1]), let shortYear = Int(parts[2])
            else { return nil }
            let currentYear = civilYear(of: now)
            var year = currentYear - currentYear % 100 + shortYear
            if year > currentYear + 50 { year -= 100 }
            return timestamp(year: year, month: month, day: day, time: tokens[2])
        case 5:  // asctime-date
            guard shortDays.contains(String(tokens[0])), tokens[4].count == 4, (1...2).contains(tokens[2].count),
                let month = monthNumber(tokens[1]), let day = Int(tokens[2]), let year = Int(tokens[4])
            else { return nil }
            return timestamp(year: year, month: month, day: day, time: tokens[3])
        default:
            return nil
        }
    }

    /// Formats as IMF-fixdate (whole seconds, truncated).
    public static func format(_ timestamp: Timestamp) -> String {
        let (seconds, _) = floorDivide(timestamp.nanosecondsSinceEpoch, 1_000_000_000)
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        let (year, month, day) = civilFromDays(Int(days))
        // 1970-01-01 was a Thursday (index 3 from Monday).
        let weekday = Int((days % 7 + 7 + 3) % 7)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let time = "\(two(Int(secondOfDay / 3600))):\(two(Int(secondOfDay / 60 % 60))):\(two(Int(secondOfDay % 60)))"
        return "\(shortDays[weekday]), \(two(day)) \(months[month - 1]) \(year) \(time) GMT"
    }

    private static func monthNumber(_ name: Substring) -> Int? {
        months.firstIndex(of: String(name)).map { $0 + 1 }
    }

    private static func timestamp(year: Int, month: Int, day: Int, time: Substring) -> Timestamp? {
        let parts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), let second = Int(parts[2]),
            (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
            (1...daysInMonth(year: year, month: month)).contains(day), (1...9999).contains(year)
        else { return nil }
        let days = Int64(daysFromCivil(year: year, month: month, day: day))
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return Timestamp(nanosecondsSinceEpoch: seconds * 1_000_000_000)
    }

    private static func civilYear(of timestamp: Timestamp) -> Int {
        let (seconds, _) = floorDivide(timestamp.nanosecondsSinceEpoch, 1_000_000_000)
        return civilFromDays(Int(floorDivide(seconds, 86_400).0)).year
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value / divisor
        let remainder = value % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }

    private static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's days-from-civil and its inverse (proleptic Gregorian calendar).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
