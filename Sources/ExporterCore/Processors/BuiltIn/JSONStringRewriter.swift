/// Rewrites the strings inside a JSON value, rebuilding only the containers on the way to a changed string.
///
/// The walk keeps its own stack instead of recursing, so arbitrarily deep input cannot overflow the thread's
/// stack; the stack's storage is kept between calls, so a rewriter that is reused allocates nothing when nothing
/// changes.
import ExporterEvents

package struct JSONStringRewriter: Sendable {
    private struct Frame: Sendable {
        let container: JSONValue
        let count: Int
        var next = 0
        var replacements: [(index: Int, value: JSONValue)] = []

        init?(_ value: JSONValue) {
            switch value {
            case .array(let array) where !array.isEmpty: count = array.count
            case .object(let object) where !object.isEmpty: count = object.count
            default: return nil
            }
            container = value
        }

        func child(at index: Int) -> JSONValue {
            switch container {
            case .array(let array): array[index]
            case .object(let object): object.members[index].value
            case .null, .bool, .int, .double, .largeInteger, .string: .null
            }
        }

        func rebuilt() -> JSONValue? {
            guard !replacements.isEmpty else { return nil }
            switch container {
            case .array(var array):
                for (index, value) in replacements { array[index] = value }
                return .array(array)
            case .object(var object):
                let members = object.members
                for (index, value) in replacements { object[members[index].key] = value }
                return .object(object)
            case .null, .bool, .int, .double, .largeInteger, .string:
                return nil
            }
        }
    }

    private var stack: [Frame] = []

    /// Creates a rewriter.
    package init() {}

    /// `value` with every string `rewrite` returns a replacement for replaced, or nil when `rewrite` returned nil
    /// for every string.
    package mutating func rewriting(_ value: JSONValue, using rewrite: (String) -> String?) -> JSONValue? {
        if case .string(let string) = value { return rewrite(string).map(JSONValue.string) }
        guard let root = Frame(value) else { return nil }
        stack.removeAll(keepingCapacity: true)
        stack.append(root)
        while let top = stack.indices.last {
            if stack[top].next == stack[top].count {
                let result = stack.removeLast().rebuilt()
                guard let parent = stack.indices.last else { return result }
                if let result { stack[parent].replacements.append((stack[parent].next - 1, result)) }
                continue
            }
            let index = stack[top].next
            stack[top].next += 1
            let child = stack[top].child(at: index)
            if case .string(let string) = child {
                if let rewritten = rewrite(string) { stack[top].replacements.append((index, .string(rewritten))) }
            } else if let frame = Frame(child) {
                stack.append(frame)
            }
        }
        return nil
    }
}
