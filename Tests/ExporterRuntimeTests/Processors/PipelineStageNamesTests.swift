import ExporterRuntime
import Testing

@Suite("Pipeline stage names")
struct PipelineStageNamesTests {
    @Test("a pipeline lists its named stages in order; unnamed stages are not listed")
    func namesInOrder() {
        let pipeline = Pipeline.build {
            MapProcessor<Int, Int> { $0 }.named("first")
            PassThroughProcessor<Int>()
            MapProcessor<Int, String> { "\($0)" }.named("second")
            MapProcessor<String, String> { $0 }.named("third")
        }
        #expect(pipeline.stageNames == ["first", "second", "third"])
    }
}
