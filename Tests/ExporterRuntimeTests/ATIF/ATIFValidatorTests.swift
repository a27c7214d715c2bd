import ExporterRuntime
import Foundation
import Testing

/// Validates trajectories with the reference model (`nvidia-nat-atif==1.6.0`) through `Scripts/validate-atif.py`.
/// Runs only when `ATIF_VALIDATOR` names the venv python (`export ATIF_VALIDATOR="$(Scripts/atif-venv.sh)"`);
/// otherwise the tests are reported as skipped.
@Suite(.enabled(if: ATIFScenario.validatorPython != nil, "set ATIF_VALIDATOR to the python of Scripts/atif-venv.sh"))
struct ATIFValidatorTests {
    private func validate(_ trajectories: [ATIFTrajectory]) async throws -> (status: Int32, output: String) {
        let directory = try ATIFScenario.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        for (index, trajectory) in trajectories.enumerated() {
            let path = directory.appendingPathComponent("trajectory-\(index).json").path
            try Data(trajectory.jsonBytes()).write(to: URL(fileURLWithPath: path))
            files.append(path)
        }
        return try await ATIFScenario.validate(files)
    }

    @Test func instrumentedRunIsValidATIF() async throws {
        let trajectories = try await ATIFScenario.agentTrajectories()
        try #require(!trajectories.isEmpty)
        let result = try await validate(trajectories)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.split(separator: "\n").allSatisfy { $0.hasPrefix("OK ") })
    }

    @Test func replayedToolkitTraceIsValidATIF() async throws {
        let exporter = ATIFExporter(agent: ATIFAgentInfo(name: nil, version: "1.0.0"))
        for event in try ATIFScenario.fixtureEvents() { exporter.receive(event) }
        let trajectories = exporter.export()
        try #require(trajectories.count == 1)
        let result = try await validate(trajectories)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func validatorRejectsWhatTheSpecificationForbids() async throws {
        var trajectory = try #require(
            ATIFExporter(agent: ATIFScenario.agent).exportWith(try ATIFScenario.fixtureEvents()).first
        )
        trajectory.steps[2].observation?.results[0].sourceCallID = "call_unknown"
        let result = try await validate([trajectory])
        #expect(result.status == 1)
        #expect(result.output.contains("call_unknown"))
    }
}

extension ATIFExporter {
    /// The trajectories of `events` alone (the window is cleared first and after).
    fileprivate func exportWith(_ events: [AgentEvent]) -> [ATIFTrajectory] {
        clear()
        defer { clear() }
        for event in events { receive(event) }
        return export()
    }
}
