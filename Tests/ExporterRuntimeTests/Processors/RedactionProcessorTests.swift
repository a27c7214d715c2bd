import ExporterDiagnostics
import ExporterRuntime
import Testing

@Suite("RedactionProcessor")
struct RedactionProcessorTests {
    @Test func replacesValuesAtNestedKeyPaths() throws {
        var redactor = try RedactionProcessor(keyPaths: ["input.api_key", "metadata.headers.authorization"])
        let event = redactor.redact(
            makeEvent(
                input: ["api_key": "secret", "query": "weather"],
                metadata: ["headers": ["authorization": "Bearer abc", "accept": "json"], "user": "ann"]
            )
        )
        #expect(event.input == ["api_key": "[REDACTED]", "query": "weather"])
        #expect(event.metadata == ["headers": ["authorization": "[REDACTED]", "accept": "json"], "user": "ann"])
        #expect(redactor.statistics == ["values_redacted": 2, "events_redacted": 1])
    }

    @Test func wildcardsMatchKeysAndArrayIndices() throws {
        var redactor = try RedactionProcessor(keyPaths: ["output.*.password", "input.accounts.1.pin"])
        let event = redactor.redact(
            makeEvent(
                input: ["accounts": [["pin": 1111], ["pin": 2222]]],
                output: [
                    "admin": ["password": "hunter2", "name": "root"],
                    "guest": ["name": "guest"],
                    "list": [["password": "in an array, not a member"]],
                ]
            )
        )
        #expect(event.input == ["accounts": [["pin": 1111], ["pin": "[REDACTED]"]]])
        #expect(
            event.output == [
                "admin": ["password": "[REDACTED]", "name": "root"],
                "guest": ["name": "guest"],
                "list": [["password": "in an array, not a member"]],
            ]
        )
        var arrays = try RedactionProcessor(keyPaths: ["output.*.*.password", "*.token"])
        let nested = arrays.redact(
            makeEvent(output: ["list": [["password": "a"], ["password": "b"], "text"]], chunk: ["token": "t"])
        )
        #expect(nested.output == ["list": [["password": "[REDACTED]"], ["password": "[REDACTED]"], "text"]])
        #expect(nested.chunk == ["token": "[REDACTED]"])
        #expect(arrays.statistics["values_redacted"] == 3)
    }

    @Test func escapedDotsAddressDottedKeys() throws {
        var redactor = try RedactionProcessor(keyPaths: [#"metadata.nat\.secret"#])
        let event = redactor.redact(makeEvent(metadata: ["nat.secret": "s", "nat": ["secret": "kept"]]))
        #expect(event.metadata == ["nat.secret": "[REDACTED]", "nat": ["secret": "kept"]])
    }

    @Test func rewritesPatternMatchesInEveryString() throws {
        var redactor = try RedactionProcessor(valuePatterns: ["sk-[A-Za-z0-9]{20,}", #"\d{4}-\d{4}"#])
        let key = "sk-" + String(repeating: "a1B2", count: 6)
        let event = redactor.redact(
            makeEvent(
                input: .string("use \(key) please"),
                output: ["messages": [["content": .string("card 1234-5678 and \(key)")], ["content": "sk-short"]]],
                chunk: [[[.string(key)]]],
                metadata: ["note": "nothing here", "n": 42]
            )
        )
        #expect(event.input == "use [REDACTED] please")
        #expect(event.output == ["messages": [["content": "card [REDACTED] and [REDACTED]"], ["content": "sk-short"]]])
        #expect(event.chunk == [[["[REDACTED]"]]])
        #expect(event.metadata == ["note": "nothing here", "n": 42])
        #expect(redactor.statistics == ["values_redacted": 3, "events_redacted": 1])
    }

    @Test func leavesUntouchedEventsIdentical() throws {
        var redactor = try RedactionProcessor(
            keyPaths: ["input.api_key", "output.*.password", "metadata.headers.authorization"],
            valuePatterns: ["sk-[A-Za-z0-9]{20,}"]
        )
        let original = makeEvent(
            input: ["query": "weather", "nested": [["deep": ["still": "clean"]]]],
            output: ["answer": ["text": "sunny"]],
            metadata: ["headers": ["accept": "json"]]
        )
        let result = redactor.redact(original)
        #expect(sharesStorage(result, original), "nothing matched, so the event must not have been copied")
        #expect(redactor.statistics == ["values_redacted": 0, "events_redacted": 0])
    }

    @Test func redactsWholeAttributesByToolkitName() throws {
        var redactor = try RedactionProcessor(redactAttributes: RedactionOptions.toolkitDefaultAttributes)
        let event = redactor.redact(
            makeEvent(input: ["q": "x"], output: [1, 2], chunk: "kept", metadata: ["a": ["b": 1], "c": "d"])
        )
        #expect(event.input == "[REDACTED]")
        #expect(event.output == "[REDACTED]")
        #expect(event.chunk == "kept")
        #expect(event.metadata == ["a": "[REDACTED]", "c": "[REDACTED]"])
        #expect(redactor.statistics["values_redacted"] == 4)
        // Redacting again changes nothing and counts nothing.
        let again = redactor.redact(event)
        #expect(sharesStorage(again, event))
        #expect(redactor.statistics["values_redacted"] == 4)
    }

    @Test func payloadPathsReplaceWholePayloads() throws {
        var redactor = try RedactionProcessor(keyPaths: ["*"])
        let event = redactor.redact(makeEvent(input: ["q": "x"], chunk: 7, metadata: ["a": 1, "b": [true]]))
        #expect(event.input == "[REDACTED]")
        #expect(event.output == nil)
        #expect(event.chunk == "[REDACTED]")
        #expect(event.metadata == ["a": "[REDACTED]", "b": "[REDACTED]"])
        #expect(redactor.statistics["values_redacted"] == 4)
    }

    @Test func usesACustomReplacementAndCondition() throws {
        var redactor = try RedactionProcessor(keyPaths: ["input.key"], replacement: "***") { $0.category == .tool }
        #expect(redactor.redact(makeEvent(category: .tool, input: ["key": "v"])).input == ["key": "***"])
        #expect(redactor.redact(makeEvent(category: .llm, input: ["key": "v"])).input == ["key": "v"])
    }

    @Test func survivesDeepNesting() throws {
        var redactor = try RedactionProcessor(valuePatterns: ["secret"])
        var value: JSONValue = ["secret at the bottom"]
        for depth in 0..<5_000 { value = depth.isMultiple(of: 2) ? [value] : ["k": value] }
        var current = try #require(redactor.redact(makeEvent(input: value)).input)
        while true {
            if let first = current.arrayValue?.first {
                current = first
            } else if let member = current["k"] {
                current = member
            } else {
                break
            }
        }
        #expect(current == "[REDACTED] at the bottom")
    }

    @Test func rejectsAnInvalidPatternNamingIt() {
        let diagnostic = expectDiagnostic { _ = try RedactionProcessor(valuePatterns: ["ok", "sk-[unclosed"]) }
        #expect(diagnostic?.code == "PRC003")
        #expect(
            diagnostic?.message.hasPrefix(
                "RedactionProcessor: value pattern 'sk-[unclosed' is not a valid regular expression"
            ) == true
        )
    }

    @Test func rejectsMalformedKeyPaths() {
        let unknownRoot = expectDiagnostic { _ = try RedactionProcessor(keyPaths: ["inpt.api_key"]) }
        #expect(unknownRoot?.code == "PRC004")
        #expect(
            unknownRoot?.message
                == "RedactionProcessor: key path 'inpt.api_key' starts at 'inpt', which is not an event payload"
        )
        #expect(
            unknownRoot?.hint
                == "did you mean 'input'? (a key path starts with input, output, chunk, metadata or *)"
        )
        let farOff = expectDiagnostic { _ = try RedactionProcessor(keyPaths: ["body.x"]) }
        #expect(farOff?.hint == "a key path starts with input, output, chunk, metadata or *")
        let emptySegment = expectDiagnostic { _ = try RedactionProcessor(keyPaths: ["input..key"]) }
        #expect(emptySegment?.message == "RedactionProcessor: key path 'input..key' has an empty segment at position 2")
        let unknownAttribute = expectDiagnostic { _ = try RedactionProcessor(redactAttributes: ["input.valu"]) }
        #expect(unknownAttribute?.code == "PRC005")
        #expect(unknownAttribute?.hint?.hasPrefix("did you mean 'input.value'?") == true)
    }
}
