import ExporterDiagnostics
import Testing

@testable import ExporterYAML

@Suite("YAMLRobustness")
struct YAMLRobustnessTests {
    /// A small deterministic generator, so that a failure reproduces.
    private struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private static let seed = Array(
        """
        general: &g
          name: "demo ${NAME:-x}"
          list: [1, 2.5, true, ~, 'q', {a: b}]
          block: |
            text
          <<: {m: 1}
        other: *g
        ? complex
        : value
        """.utf8
    )

    @Test("random and mutated bytes never crash: they parse or fail with YAML diagnostics")
    func garbage() {
        var generator = SplitMix64(state: 42)
        let alphabet = Array("{}[]:,-?&*!|>'\"#%@`\t\n\r \\$~<.0aZ\u{0}".utf8) + [0xC3, 0xA9, 0xFF, 0xEF, 0xBB, 0xBF]
        var parsed = 0
        var rejected = 0
        for round in 0..<400 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = (0..<Int.random(in: 0...60, using: &generator)).map { _ in
                    alphabet.randomElement(using: &generator) ?? 0
                }
            } else {
                bytes = Self.seed
                for _ in 0..<Int.random(in: 1...8, using: &generator) {
                    let index = Int.random(in: 0..<bytes.count, using: &generator)
                    bytes[index] = alphabet.randomElement(using: &generator) ?? 0
                }
            }
            do {
                let node = try YAMLParser.parse(utf8: bytes, file: "fuzz.yaml")
                _ = try node?.interpolatingEnvironment([:])
                parsed += 1
            } catch {
                rejected += 1
                #expect(error.diagnostics.allSatisfy { $0.code.rawValue.hasPrefix("YAML") })
                #expect(
                    error.diagnostics.allSatisfy { ($0.location?.line ?? 1) >= 1 && ($0.location?.column ?? 1) >= 1 }
                )
            }
        }
        #expect(parsed + rejected == 400)
        #expect(parsed > 0 && rejected > 0)
    }
}
