import ExporterDiagnostics
import ExporterRuntime
import Testing

@Suite("EnrichmentProcessor")
struct EnrichmentProcessorTests {
    @Test func writesStaticTagsUnderTheToolkitPrefix() throws {
        var enricher = try EnrichmentProcessor(tags: ["team": "search", "tier": "gold"], environment: [:])
        #expect(enricher.prefix == "nat")
        let event = enricher.enrich(makeEvent(metadata: ["existing": 1]))
        #expect(event.metadata == ["existing": 1, "nat.team": "search", "nat.tier": "gold"])
        #expect(event.tags.isEmpty)
        #expect(enricher.statistics["events_enriched"] == 1)
    }

    @Test func takesThePrefixFromTheEnvironmentOrTheOptions() throws {
        let fromEnvironment = try EnrichmentProcessor(tags: ["a": "1"], environment: ["NAT_SPAN_PREFIX": " acme "])
        #expect(fromEnvironment.prefix == "acme")
        let blank = try EnrichmentProcessor(tags: ["a": "1"], environment: ["NAT_SPAN_PREFIX": "  "])
        #expect(blank.prefix == "nat")
        var bare = try EnrichmentProcessor(tags: ["a": "1"], prefix: "", environment: ["NAT_SPAN_PREFIX": "acme"])
        #expect(bare.enrich(makeEvent()).metadata == ["a": "1"])
    }

    @Test func readsEnvironmentTagsOnceAndReportsMissingOnes() throws {
        var enricher = try EnrichmentProcessor(
            tags: ["region": "default"],
            environmentTags: ["region": "REGION", "build": "BUILD_ID", "host": "HOSTNAME_UNSET"],
            prefix: "deploy",
            environment: ["REGION": "eu-west-1", "BUILD_ID": "1234"]
        )
        #expect(enricher.resolvedTags == ["region": "eu-west-1", "build": "1234"])
        #expect(enricher.missingEnvironmentVariables == ["HOSTNAME_UNSET"])
        #expect(enricher.statistics["missing_environment_variables"] == 1)
        let event = enricher.enrich(makeEvent())
        #expect(event.metadata == ["deploy.build": "1234", "deploy.region": "eu-west-1"])
        #expect(event.metadata.keys == ["deploy.build", "deploy.region"], "entries are written in name order")
    }

    @Test func appendsTagsOnce() throws {
        var enricher = try EnrichmentProcessor(tags: ["env": "prod"], appendToTags: true, environment: [:])
        let once = enricher.enrich(makeEvent(tags: ["user"]))
        #expect(once.tags == ["user", "env:prod"])
        let twice = enricher.enrich(once)
        #expect(twice.tags == ["user", "env:prod"])
        #expect(sharesStorage(twice, once), "an event that already has every tag is passed on untouched")
        #expect(enricher.statistics["events_enriched"] == 1)
    }

    @Test func rejectsAnEmptyTagName() {
        let diagnostic = expectDiagnostic { _ = try EnrichmentProcessor(environmentTags: ["": "X"], environment: [:]) }
        #expect(diagnostic?.code == "PRC006")
        #expect(diagnostic?.message == "EnrichmentProcessor: option 'environmentTags' has an empty tag key")
    }
}
