import ExporterEvents
import Synchronization

/// The compiled value patterns of a ``RedactionProcessor``.
///
/// Swift's `Regex` is not `Sendable`, while a processor must be; the compiled expressions therefore live behind a
/// `Mutex`. The lock is taken once per payload, not per string, and is uncontended because one pipeline is driven
/// by one task.
package final class ValuePatternSet: Sendable {
    private let regexes: Mutex<[Regex<AnyRegexOutput>]>
    /// True when there are no patterns, so callers can skip the walk entirely.
    package let isEmpty: Bool

    /// Compiles each pattern once; throws a `PRC003` diagnostic naming the first pattern that does not compile.
    package init(_ patterns: [String], processor: String) throws {
        var compiled: [Regex<AnyRegexOutput>] = []
        for pattern in patterns {
            do {
                compiled.append(try Regex(pattern))
            } catch {
                throw ProcessorOptionError.invalidPattern(processor, pattern: pattern, reason: error)
            }
        }
        isEmpty = compiled.isEmpty
        regexes = Mutex(compiled)
    }

    /// `value` with every match in every string replaced by `replacement`, or nil when nothing matched. Adds the
    /// number of rewritten strings to `count`.
    package func rewriting(
        _ value: JSONValue,
        replacement: String,
        using rewriter: inout JSONStringRewriter,
        count: inout Int
    ) -> JSONValue? {
        var rewrittenStrings = 0
        let result: JSONValue? = regexes.withLock { regexes in
            rewriter.rewriting(value) { string in
                var result: String?
                for regex in regexes {
                    let current = result ?? string
                    if current.contains(regex) { result = current.replacing(regex, with: replacement) }
                }
                if result != nil { rewrittenStrings += 1 }
                return result
            }
        }
        count += rewrittenStrings
        return result
    }
}
