import ExporterDiagnostics
import Testing

@testable import ScaffoldGenerator

@Suite("SpecStringTemplate")
struct SpecStringTemplateTests {
    let here = SourceLocation(line: 1, column: 1)

    @Test func literalsAreMergedAndEmptiesDropped() {
        let template = StringTemplate(
            parts: [.literal("Bearer"), .literal(" "), .literal(""), .field("api_key"), .literal("")],
            location: here
        )
        #expect(template.parts == [.literal("Bearer "), .field("api_key")])
        #expect(template.literalValue == nil)
        #expect(template.singleField == nil)
        #expect(template.referencedFields == ["api_key"])
    }

    @Test func singleReferenceAndPureLiteral() {
        #expect(StringTemplate(parts: [.field("endpoint")], location: here).singleField == "endpoint")
        #expect(StringTemplate(literal: "https://x", location: here).literalValue == "https://x")
        #expect(StringTemplate(literal: "", location: here).literalValue == "")
    }
}
