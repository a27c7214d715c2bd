import Foundation
import Testing

@testable import ScaffoldGenerator

@Suite("SpecSchema")
struct SpecSchemaTests {
    @Test func schemaIsJSONAndListsEveryAcceptedKey() throws {
        let object = try JSONSerialization.jsonObject(with: Data(SpecJSONSchema.text.utf8))
        let root = try #require(object as? [String: Any])
        #expect(root["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        var keys: Set<String> = []
        func collect(_ value: Any) {
            if let dictionary = value as? [String: Any] {
                if let properties = dictionary["properties"] as? [String: Any] { keys.formUnion(properties.keys) }
                dictionary.values.forEach(collect)
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(root)
        let accepted = Set(SpecGrammar.allMappings.flatMap(\.keyNames))
        #expect(accepted.subtracting(keys).isEmpty)
        #expect(keys.subtracting(accepted).isEmpty)
    }

    @Test func catalogMatchesTheParser() {
        #expect(SpecCatalog.processors.map(\.name) == SpecGrammar.processors.compactMap(\.kind))
        #expect(SpecCatalog.transports.map(\.name) == SpecGrammar.transports.compactMap(\.kind))
        #expect(SpecCatalog.fieldTypes.count == 10)
    }
}
