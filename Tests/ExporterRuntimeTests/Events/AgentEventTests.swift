import ExporterRuntime
import Testing

/// Every field of an event is written through one copy-on-write path, so these pin down what that path promises.
@Suite("AgentEvent copy-on-write")
struct AgentEventTests {
    @Test func writingToACopyLeavesTheOriginalAndItsStorageAlone() {
        let original = makeEvent(metadata: ["k": "v"], tags: ["a"])
        var copy = original
        #expect(sharesStorage(copy, original))

        copy.name = "other"
        copy.metadata["k"] = "changed"
        copy.tags.append("b")

        #expect(!sharesStorage(copy, original))
        #expect(original.name == "gpt")
        #expect(original.metadata == ["k": "v"])
        #expect(original.tags == ["a"])
        #expect(copy.name == "other")
        #expect(copy.metadata == ["k": "changed"])
        #expect(copy.tags == ["a", "b"])
    }

    @Test func anEventItsOnlyOwnerWritesKeepsItsStorage() {
        var event = makeEvent()
        let before = withUnsafeBytes(of: event) { Array($0) }
        event.status = .error(type: "E", message: "m")
        event.rootUUID = "root"
        #expect(withUnsafeBytes(of: event) { Array($0) } == before, "a unique event is written in place, not copied")
        #expect(event.status.isError)
        #expect(event.rootUUID == "root")
    }

    @Test func equalityAndHashFollowTheFieldsNotTheStorage() {
        let event = makeEvent(input: ["q": 1])
        let twin = makeEvent(input: ["q": 1])
        #expect(!sharesStorage(event, twin))
        #expect(event == twin)
        #expect(event.hashValue == twin.hashValue)

        var changed = twin
        changed.extensions["atof"] = ["x": true]
        #expect(changed != event)
        #expect(Set([event, twin, changed]).count == 2)
    }
}
