import ExporterDiagnostics
import ExporterRuntime
import Testing

/// `buffer_capacity` and `overflow_policy` are checked in one place, whether a built-in section or a generated
/// configuration's entries give them.
@Suite("ConfigurationReader.buffer")
struct ConfigurationReaderBufferTests {
    private func entry<Value>(_ value: Value, key: String, line: Int) -> ConfigurationEntry<Value> {
        ConfigurationEntry(
            value: value,
            location: SourceLocation(file: "w.yml", line: line, column: 3),
            origin: "'\(key)'"
        )
    }

    @Test("entries as a generated configuration decodes them: the policy as written")
    func writtenEntries() throws {
        var reader = ConfigurationReader(section: nil, environment: [:])
        let settings = reader.buffer(
            capacity: entry(64, key: "buffer_capacity", line: 1),
            overflowPolicy: entry("drop_oldest", key: "overflow_policy", line: 2)
        )
        try reader.finish()
        #expect(settings == BufferSettings(capacity: 64, overflowPolicy: .dropOldest))
        var defaults = ConfigurationReader(section: nil, environment: [:])
        #expect(defaults.buffer(capacity: nil, overflowPolicy: nil as ConfigurationEntry<String>?) == BufferSettings())
    }

    @Test("a capacity below one and an unknown policy are both reported, each at its value")
    func bothProblems() {
        var reader = ConfigurationReader(section: nil, environment: [:])
        _ = reader.buffer(
            capacity: entry(0, key: "buffer_capacity", line: 1),
            overflowPolicy: entry("drop_new", key: "overflow_policy", line: 2)
        )
        #expect(
            reader.diagnostics.map(\.message) == [
                "'overflow_policy' must be drop_newest or drop_oldest, not 'drop_new'",
                "'buffer_capacity' must be at least 1, not 0",
            ]
        )
        #expect(reader.diagnostics.map { $0.location?.line } == [2, 1])
        #expect(reader.diagnostics.allSatisfy { $0.code == DiagnosticCode.configurationInvalidValue })
    }

    @Test("a capacity too large to allocate is a diagnostic at its value, not a crash when the buffer is built")
    func capacityTooLarge() {
        var reader = ConfigurationReader(section: nil, environment: [:])
        let settings = reader.buffer(
            capacity: entry(Int.max, key: "buffer_capacity", line: 4),
            overflowPolicy: nil as ConfigurationEntry<String>?
        )
        #expect(
            reader.diagnostics.map(\.message) == [
                "'buffer_capacity' must be at most 1000000 (its slots are allocated up front), not \(Int.max)"
            ]
        )
        #expect(reader.diagnostics.first?.location?.line == 4)
        #expect(settings.capacity == BufferSettings().capacity)
    }
}
