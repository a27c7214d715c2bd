import Testing

@testable import ExporterYAML

@Suite("YAMLCoreSchema")
struct YAMLCoreSchemaTests {
    @Test(
        "plain scalars resolve by the YAML 1.2 core schema",
        arguments: [
            ("null", YAMLScalar.ResolvedType.null), ("Null", .null), ("NULL", .null), ("~", .null), ("", .null),
            ("nULL", .string), ("true", .bool), ("True", .bool), ("FALSE", .bool), ("tRUE", .string),
            ("yes", .string), ("no", .string), ("on", .string), ("off", .string), ("y", .string),
            ("0", .int), ("-17", .int), ("+5", .int), ("007", .int), ("0o17", .int), ("0x1F", .int),
            ("0xG", .string), ("0o8", .string), ("1_000", .string),
            ("1.5", .float), ("-1.5e3", .float), ("1.", .float), (".5", .float), ("1e10", .float),
            (".inf", .float), ("-.Inf", .float), ("+.INF", .float), (".nan", .float), ("-.nan", .string),
            (".", .string), ("1e", .string), ("e5", .string), ("1.2.3", .string), ("12:30", .string),
        ]
    )
    func plainTyping(text: String, expected: YAMLScalar.ResolvedType) {
        #expect(YAMLScalar(text).resolvedType == expected)
    }

    @Test("quoted and block scalars are strings; core tags type any style")
    func quotedAreStrings() {
        #expect(YAMLScalar("true", style: .doubleQuoted).resolvedType == .string)
        #expect(YAMLScalar("12", style: .singleQuoted).resolvedType == .string)
        #expect(YAMLScalar("null", style: .literal).resolvedType == .string)
        #expect(YAMLScalar("12", style: .plain, tag: "tag:yaml.org,2002:str").resolvedType == .string)
        #expect(YAMLScalar("12", style: .doubleQuoted, tag: "tag:yaml.org,2002:int").resolvedType == .int)
        #expect(YAMLScalar("12", style: .plain, tag: "!custom").resolvedType == .string)
    }

    @Test("node accessors")
    func accessors() throws {
        let root = try #require(
            try parse(
                """
                port: 4318
                hex: 0xff
                oct: 0o17
                ratio: 0.25
                whole: 3
                inf: -.inf
                enabled: true
                country: no
                quoted: "42"
                nothing: ~
                big: 99999999999999999999
                """
            )
        )
        #expect(root["port"]?.intValue == 4318)
        #expect(root["hex"]?.intValue == 255)
        #expect(root["oct"]?.intValue == 15)
        #expect(root["ratio"]?.doubleValue == 0.25)
        #expect(root["whole"]?.doubleValue == 3)
        #expect(root["inf"]?.doubleValue == -.infinity)
        #expect(root["enabled"]?.boolValue == true)
        #expect(root["country"]?.boolValue == nil)
        #expect(root["country"]?.stringValue == "no")
        #expect(root["quoted"]?.intValue == nil)
        #expect(root["quoted"]?.stringValue == "42")
        #expect(root["nothing"]?.isNull == true)
        #expect(root["nothing"]?.stringValue == nil)
        #expect(root["big"]?.intValue == nil)
        #expect(root["big"]?.scalar?.resolvedType == .int)
        #expect(root["missing"] == nil)
        #expect(root["port"]?["x"] == nil)
    }
}
