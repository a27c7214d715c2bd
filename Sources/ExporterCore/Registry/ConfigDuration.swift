import ExporterDiagnostics
import ExporterYAML
import Foundation

/// A duration in configuration: a number of seconds (the toolkit's `flush_interval: 5.0`) or a string with a unit
/// (`250ms`, `5s`, `2m`, `1h`, `1.5s`).
public struct ConfigDuration: Sendable, Hashable, Decodable, CustomStringConvertible {
    /// The duration.
    public var duration: Duration

    /// Wraps a duration.
    public init(_ duration: Duration) {
        self.duration = duration
    }

    /// Parses `5s`, `250ms`, `1.5m`, `100us`, `10ns`, `1h`, or a bare number of seconds; nil when malformed or
    /// negative.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let units: [(suffix: String, nanoseconds: Double)] = [
            ("ns", 1), ("us", 1e3), ("µs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9),
        ]
        var number = Substring(trimmed)
        var scale = 1e9
        // Longest suffix first, so "ms" wins over "s".
        for unit in units.sorted(by: { $0.suffix.count > $1.suffix.count }) where trimmed.hasSuffix(unit.suffix) {
            number = trimmed.dropLast(unit.suffix.count)
            scale = unit.nanoseconds
            break
        }
        guard let value = Double(number), value.isFinite, value >= 0 else { return nil }
        let nanoseconds = value * scale
        guard nanoseconds < Double(Int64.max) else { return nil }
        duration = .nanoseconds(Int64(nanoseconds.rounded()))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let seconds = try? container.decode(Double.self) {
            guard seconds.isFinite, seconds >= 0, seconds * 1e9 < Double(Int64.max) else {
                throw DiagnosticError(
                    .error(
                        .configurationInvalidValue,
                        "a duration must be a finite, non-negative number of seconds, not \(seconds)",
                        at: decoder.yamlLocation
                    )
                )
            }
            duration = .nanoseconds(Int64((seconds * 1e9).rounded()))
            return
        }
        let text = try container.decode(String.self)
        guard let parsed = ConfigDuration(parsing: text) else {
            throw DiagnosticError(
                .error(
                    .configurationInvalidValue,
                    "'\(text)' is not a duration",
                    at: decoder.yamlLocation,
                    hint: "write a number of seconds or a number with a unit: 250ms, 5s, 2m"
                )
            )
        }
        self = parsed
    }

    public var description: String { "\(duration)" }
}

/// A size in bytes in configuration: an integer (`10485760`) or a string with a unit (`10MiB`, `512KB`, `1GiB`).
public struct ConfigByteSize: Sendable, Hashable, Decodable, CustomStringConvertible {
    /// The size in bytes.
    public var bytes: Int

    /// Wraps a byte count.
    public init(bytes: Int) {
        self.bytes = bytes
    }

    /// Parses `123`, `10KB`, `10KiB`, `5MB`, `5MiB`, `1GB`, `1GiB` (case-insensitive); nil when malformed.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Int)] = [
            ("kib", 1 << 10), ("mib", 1 << 20), ("gib", 1 << 30), ("kb", 1000), ("mb", 1_000_000),
            ("gb", 1_000_000_000), ("b", 1),
        ]
        var number = Substring(trimmed)
        var scale = 1
        for (suffix, factor) in units where trimmed.hasSuffix(suffix) {
            number = trimmed.dropLast(suffix.count)
            scale = factor
            break
        }
        guard let value = Double(number.trimmingCharacters(in: .whitespaces)), value.isFinite, value >= 0,
            value * Double(scale) < Double(Int.max)
        else { return nil }
        bytes = Int((value * Double(scale)).rounded())
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) {
            guard value >= 0 else {
                throw DiagnosticError(
                    .error(.configurationInvalidValue, "a size cannot be negative", at: decoder.yamlLocation)
                )
            }
            bytes = value
            return
        }
        let text = try container.decode(String.self)
        guard let parsed = ConfigByteSize(parsing: text) else {
            throw DiagnosticError(
                .error(
                    .configurationInvalidValue,
                    "'\(text)' is not a size",
                    at: decoder.yamlLocation,
                    hint: "write a number of bytes or a number with a unit: 512KiB, 10MiB, 1GB"
                )
            )
        }
        self = parsed
    }

    public var description: String { "\(bytes) bytes" }
}
