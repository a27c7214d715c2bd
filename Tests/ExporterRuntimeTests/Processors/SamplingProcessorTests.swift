import ExporterDiagnostics
import ExporterRuntime
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("SamplingProcessor")
struct SamplingProcessorTests {
    @Test func positionIsAFixedFunctionOfTheTraceID() {
        // Computed independently (FNV-1a 64, SplitMix64 finalizer, top 53 bits): pins the hash across versions.
        #expect(SamplingProcessor.position(of: "abc") == Double(486_611_357_859_990) / Double(UInt64(1) << 53))
        #expect(SamplingProcessor.position(of: "trace-1") == Double(3_834_761_262_008_374) / Double(UInt64(1) << 53))
    }

    @Test func sameTraceSameDecision() throws {
        let first = try SamplingProcessor(rate: 0.5)
        let second = try SamplingProcessor(rate: 0.5)
        for index in 0..<200 {
            let event = makeEvent(uuid: "scope-\(index)")
            #expect(first.keeps(event) == second.keeps(event))
        }
    }

    @Test func keepsOrDropsWholeTraces() async throws {
        var sampler = try SamplingProcessor(rate: 0.5)
        for trace in 0..<50 {
            let events = (0..<4).map { makeEvent(uuid: "scope-\(trace)-\($0)", rootUUID: "trace-\(trace)") }
            let kept = try await run(&sampler, events)
            #expect(kept.isEmpty || kept.count == 4)
        }
    }

    @Test func rateZeroKeepsNoneAndRateOneKeepsAll() async throws {
        let events = (0..<500).map { _ in makeEvent(uuid: UUID().uuidString) }
        var none = try SamplingProcessor(rate: 0)
        var all = try SamplingProcessor(rate: 1)
        #expect(try await run(&none, events).isEmpty)
        #expect(try await run(&all, events).count == 500)
        #expect(none.statistics == ["sampled_in": 0, "sampled_out": 500])
        #expect(all.statistics == ["sampled_in": 500, "sampled_out": 0])
    }

    @Test func keepsRoughlyTheRate() async throws {
        var sampler = try SamplingProcessor(rate: 0.25)
        let kept = try await run(&sampler, (0..<10_000).map { _ in makeEvent(uuid: UUID().uuidString) })
        #expect((2_000...3_000).contains(kept.count))
        #expect(sampler.statistics["sampled_in"] == Double(kept.count))
        #expect(sampler.statistics["sampled_out"] == Double(10_000 - kept.count))
    }

    @Test(arguments: [-0.1, 1.5, Double.nan, Double.infinity])
    func rejectsARateOutsideZeroToOne(rate: Double) {
        let diagnostic = expectDiagnostic { _ = try SamplingProcessor(rate: rate) }
        #expect(diagnostic?.code == "PRC001")
        #expect(diagnostic?.message == "SamplingProcessor: option 'rate' is \(rate), allowed: 0 to 1 inclusive")
    }
}
