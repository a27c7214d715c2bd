import ScaffoldCLI
import Testing

/// The URL packages depend on when neither their spec nor a flag names a runtime.
@Suite("Runtime URL")
struct RuntimeURLTests {
    @Test("SCAFFOLD_RUNTIME_URL overrides the published URL; unset or blank keeps it")
    func override() {
        let fork = "https://git.example.com/mirrors/exporter-scaffold.git"
        #expect(ScaffoldVersion.runtimeURL(environment: ["SCAFFOLD_RUNTIME_URL": fork]) == fork)
        #expect(ScaffoldVersion.runtimeURL(environment: ["SCAFFOLD_RUNTIME_URL": " \(fork) "]) == fork)
        #expect(ScaffoldVersion.runtimeURL(environment: [:]) == ScaffoldVersion.repositoryURL)
        #expect(
            ScaffoldVersion.runtimeURL(environment: ["SCAFFOLD_RUNTIME_URL": "  "]) == ScaffoldVersion.repositoryURL
        )
        #expect(ScaffoldVersion.repositoryURL.hasSuffix("/exporter-scaffold.git"))
    }
}
