import ExporterDiagnostics
import ExporterRuntime
import Testing

@Suite("FilterProcessor")
struct FilterProcessorTests {
    private let events = [
        makeEvent(uuid: "a", category: .llm, name: "gpt-4o"),
        makeEvent(uuid: "b", phase: .end, category: .tool, name: "search_web"),
        makeEvent(uuid: "c", category: .tool, name: "search_docs"),
        makeEvent(uuid: "d", category: .custom("ttc"), name: "rerank"),
        makeEvent(uuid: "e", category: .custom("span"), name: "step"),
        makeEvent(uuid: "f", category: .agent, name: "workflow"),
    ]

    private func kept(by filter: FilterProcessor) async throws -> [String] {
        var filter = filter
        return try await run(&filter, events).map(\.uuid)
    }

    @Test func includesByCategory() async throws {
        #expect(try await kept(by: FilterProcessor(categories: [.llm, .tool])) == ["a", "b", "c"])
    }

    @Test func excludesByCategory() async throws {
        #expect(try await kept(by: FilterProcessor(categories: [.tool], mode: .exclude)) == ["a", "d", "e", "f"])
    }

    @Test func matchesNamesExactlyOrByGlob() async throws {
        #expect(try await kept(by: FilterProcessor(names: ["search_*", "step"])) == ["b", "c", "e"])
        #expect(try await kept(by: FilterProcessor(names: ["*_docs"])) == ["c"])
        #expect(try await kept(by: FilterProcessor(names: ["s*e*_w*b"])) == ["b"])
        #expect(try await kept(by: FilterProcessor(names: ["search"])).isEmpty)
    }

    @Test func requiresEveryCriterion() async throws {
        #expect(try await kept(by: FilterProcessor(categories: [.tool], phases: [.end])) == ["b"])
        #expect(
            try await kept(by: FilterProcessor(categories: [.tool], phases: [.end], mode: .exclude))
                == ["a", "c", "d", "e", "f"]
        )
    }

    @Test func appliesAPredicate() async throws {
        let filter = FilterProcessor(categories: [.tool]) { $0.name.hasSuffix("docs") }
        #expect(try await kept(by: filter) == ["c"])
        #expect(try await kept(by: FilterProcessor { $0.uuid < "c" }) == ["a", "b"])
    }

    @Test func takesCategoryNamesIncludingCustomSubtypes() async throws {
        #expect(try await kept(by: FilterProcessor(options: FilterOptions(categories: ["custom"]))) == ["d", "e"])
        #expect(try await kept(by: FilterProcessor(options: FilterOptions(categories: ["custom:ttc"]))) == ["d"])
        #expect(
            try await kept(by: FilterProcessor(options: FilterOptions(categories: ["workflow", "llm"])))
                == ["a", "f"]
        )
        let excluding = try FilterProcessor(options: FilterOptions(mode: .exclude, categories: ["custom"]))
        #expect(try await kept(by: excluding) == ["a", "b", "c", "f"])
    }

    @Test func rejectsAnUnknownCategoryName() {
        let diagnostic = expectDiagnostic { _ = try FilterProcessor(options: FilterOptions(categories: ["tol"])) }
        #expect(diagnostic?.code == "PRC005")
        #expect(diagnostic?.message == "FilterProcessor: unknown category 'tol'")
        #expect(diagnostic?.hint?.hasPrefix("did you mean 'tool'?") == true)
    }

    @Test func countsWhatItFiltersOut() async throws {
        var filter = FilterProcessor(categories: [.llm])
        _ = try await run(&filter, events)
        #expect(filter.statistics == ["passed": 1, "filtered_out": 5])
    }

    @Test func globPatternEdgeCases() {
        #expect(GlobPattern("*").matches(""))
        #expect(GlobPattern("a*a").matches("aa"))
        #expect(!GlobPattern("a*a").matches("a"))
        #expect(GlobPattern("**b").matches("ab"))
        #expect(GlobPattern("é*ü").matches("éxü"))
        #expect(!GlobPattern("").matches("x"))
        #expect(GlobPattern("").matches(""))
    }
}
