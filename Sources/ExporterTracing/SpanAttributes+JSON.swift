import ExporterEvents
import Tracing

extension SpanAttributes {
    /// The attributes as JSON, in name order (SpanAttributes keeps no order of its own, and exports must not
    /// depend on a hash seed): integers as integers, lists as lists, anything string-convertible as its description.
    var jsonObject: JSONObject {
        var members: [(String, JSONValue)] = []
        members.reserveCapacity(count)
        forEach { name, attribute in
            if let value = attribute.jsonValue { members.append((name, value)) }
        }
        members.sort { $0.0 < $1.0 }
        return JSONObject(members)
    }
}

extension SpanAttribute {
    /// The value as JSON, or nil for a kind of attribute this version does not know.
    var jsonValue: JSONValue? {
        switch self {
        case .int32(let value): .int(Int64(value))
        case .int64(let value): .int(value)
        case .int32Array(let values): .array(values.map { .int(Int64($0)) })
        case .int64Array(let values): .array(values.map { .int($0) })
        case .double(let value): .double(value)
        case .doubleArray(let values): .array(values.map { .double($0) })
        case .bool(let value): .bool(value)
        case .boolArray(let values): .array(values.map { .bool($0) })
        case .string(let value): .string(value)
        case .stringArray(let values): .array(values.map { .string($0) })
        case .stringConvertible(let value): .string(value.description)
        case .stringConvertibleArray(let values): .array(values.map { .string($0.description) })
        default: nil
        }
    }
}
