import Testing

@testable import ScaffoldGenerator

@Suite("SwiftIdentifier")
struct SwiftIdentifierTests {
    @Test func camelCasing() {
        #expect(SwiftIdentifier.lowerCamelCase("api_key") == "apiKey")
        #expect(SwiftIdentifier.lowerCamelCase("retry_2x") == "retry2x")
        #expect(SwiftIdentifier.lowerCamelCase("a__b_") == "aB")
        #expect(SwiftIdentifier.upperCamelCase("scrub_pii") == "ScrubPii")
    }

    @Test func membersThatAreKeywordsGetBackticks() {
        #expect(SwiftIdentifier.member("default") == "`default`")
        #expect(SwiftIdentifier.member("endpoint") == "endpoint")
    }

    @Test func typeNamesMustNotBeKeywordsOrInvalid() {
        #expect(SwiftIdentifier.typeNameProblem("AcmeExporter") == nil)
        #expect(SwiftIdentifier.typeNameProblem("Self") != nil)
        #expect(SwiftIdentifier.typeNameProblem("Type") != nil)
        #expect(SwiftIdentifier.typeNameProblem("9Lives") != nil)
        #expect(SwiftIdentifier.typeNameProblem("Acme-HTTP") != nil)
        #expect(!SwiftIdentifier.isValid("_"))
    }
}
