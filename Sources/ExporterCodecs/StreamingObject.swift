/// Writes one JSON object member by member straight into a buffer, placing the commas; codecs use it to stream
/// lines without building a value tree.
import ExporterEvents

struct StreamingObject {
    private var isFirst = true

    /// Writes `{`.
    init(opening buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "{"))
    }

    /// Writes the separator and a constant key (`"name"`, quotes included, without the colon).
    mutating func key(quoted quotedKey: StaticString, to buffer: inout [UInt8]) {
        if !isFirst { buffer.append(UInt8(ascii: ",")) }
        isFirst = false
        JSONWriter.writeRaw(quotedKey, to: &buffer)
        buffer.append(UInt8(ascii: ":"))
    }

    /// Writes the separator and a key known only at run time.
    mutating func key(_ key: String, to buffer: inout [UInt8]) {
        if !isFirst { buffer.append(UInt8(ascii: ",")) }
        isFirst = false
        JSONWriter.writeKey(key, to: &buffer)
    }

    /// Writes a whole member.
    mutating func member(_ key: String, _ value: JSONValue, to buffer: inout [UInt8]) {
        self.key(key, to: &buffer)
        JSONWriter.write(value, to: &buffer)
    }

    /// Writes the members of `extra` whose keys the codec did not write itself.
    mutating func members(of extra: JSONObject?, skipping written: Set<String>, to buffer: inout [UInt8]) {
        guard let extra else { return }
        for (key, value) in extra where !written.contains(key) { member(key, value, to: &buffer) }
    }

    /// Writes `}`.
    func close(_ buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "}"))
    }
}
