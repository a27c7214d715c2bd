/// A unified line diff (`--- a/PATH`, `+++ b/PATH`, `@@` hunks with three lines of context), for `--dry-run`.
public enum LineDiff {
    /// The diff from `old` to `new` (either nil for a missing file); empty when they are equal.
    public static func unified(path: String, old: String?, new: String?, context: Int = 3) -> String {
        guard old != new else { return "" }
        let before = lines(old)
        let after = lines(new)
        let operations = edit(before, after)
        var output = "--- \(old == nil ? "/dev/null" : "a/" + path)\n+++ \(new == nil ? "/dev/null" : "b/" + path)\n"
        var index = 0
        while index < operations.count {
            guard operations[index].kind != .same else {
                index += 1
                continue
            }
            // A hunk: from `context` lines before this change to `context` lines after the last change that is
            // at most 2 * context lines further.
            let start = max(0, index - context)
            var end = index
            var last = index
            while end < operations.count {
                if operations[end].kind != .same {
                    last = end
                } else if end - last > 2 * context {
                    break
                }
                end += 1
            }
            let stop = min(operations.count, last + context + 1)
            let hunk = operations[start..<stop]
            let oldStart = hunk.first?.oldLine ?? 0
            let newStart = hunk.first?.newLine ?? 0
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            output += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for operation in hunk {
                switch operation.kind {
                case .same: output += " " + operation.text + "\n"
                case .delete: output += "-" + operation.text + "\n"
                case .insert: output += "+" + operation.text + "\n"
                }
            }
            index = stop
        }
        return output
    }

    private struct Operation {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var text: String
        /// 1-based line numbers of the line in the old and new text at this point.
        var oldLine: Int
        var newLine: Int
    }

    private static func lines(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        var result = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("\n") { result.removeLast() }
        return result
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(count == 0 ? start - 1 : start),\(count)"
    }

    /// The shortest edit script by longest common subsequence; common prefix and suffix are trimmed first so the
    /// quadratic table only covers the changed middle.
    private static func edit(_ old: [String], _ new: [String]) -> [Operation] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        let oldMiddle = Array(old[prefix..<(old.count - suffix)])
        let newMiddle = Array(new[prefix..<(new.count - suffix)])
        let rows = oldMiddle.count + 1
        let columns = newMiddle.count + 1
        var table = [Int](repeating: 0, count: rows * columns)
        if !oldMiddle.isEmpty, !newMiddle.isEmpty {
            for i in stride(from: oldMiddle.count - 1, through: 0, by: -1) {
                for j in stride(from: newMiddle.count - 1, through: 0, by: -1) {
                    table[i * columns + j] =
                        oldMiddle[i] == newMiddle[j]
                        ? table[(i + 1) * columns + j + 1] + 1
                        : max(table[(i + 1) * columns + j], table[i * columns + j + 1])
                }
            }
        }
        var operations: [Operation] = []
        var oldLine = 1
        var newLine = 1
        func append(_ kind: Operation.Kind, _ text: String) {
            operations.append(Operation(kind: kind, text: text, oldLine: oldLine, newLine: newLine))
            if kind != .insert { oldLine += 1 }
            if kind != .delete { newLine += 1 }
        }
        for line in old[0..<prefix] { append(.same, line) }
        var i = 0
        var j = 0
        while i < oldMiddle.count || j < newMiddle.count {
            if i < oldMiddle.count, j < newMiddle.count, oldMiddle[i] == newMiddle[j] {
                append(.same, oldMiddle[i])
                i += 1
                j += 1
            } else if i < oldMiddle.count,
                j == newMiddle.count || table[(i + 1) * columns + j] >= table[i * columns + j + 1]
            {
                append(.delete, oldMiddle[i])
                i += 1
            } else {
                append(.insert, newMiddle[j])
                j += 1
            }
        }
        for line in old[(old.count - suffix)...] { append(.same, line) }
        return operations
    }
}
