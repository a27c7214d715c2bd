/// Finds the candidate closest to a misspelt word, for "did you mean ...?" hints.
public enum DidYouMean {
    /// The candidate with the smallest edit distance to `word`, if it is close enough to be a plausible typo
    /// (at most a third of the word's length, and at least 1); failing that, the shortest candidate that starts
    /// with `word` (at least 3 characters), so that an abbreviation such as `otel` finds `otelcollector`.
    public static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        let limit = max(1, word.count / 3)
        let lowercased = word.lowercased()
        var best: (candidate: String, distance: Int)?
        var completion: String?
        for candidate in candidates {
            let candidateLowercased = candidate.lowercased()
            let distance = editDistance(lowercased, candidateLowercased)
            if distance <= limit, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
            if word.count >= 3, candidateLowercased.hasPrefix(lowercased),
                candidate.count < (completion?.count ?? .max)
            {
                completion = candidate
            }
        }
        return best?.candidate ?? completion
    }

    /// A hint such as `did you mean 'endpoint'?`, or nil when nothing is close.
    public static func hint(for word: String, among candidates: some Sequence<String>) -> String? {
        suggestion(for: word, among: candidates).map { "did you mean '\($0)'?" }
    }

    /// Edit distance over Unicode scalars where insertions, deletions, substitutions and swaps of two adjacent
    /// characters each cost 1 (optimal string alignment), so `fiel` is one edit from `file`.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
