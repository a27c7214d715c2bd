import ExporterRuntime
import Foundation

/// `exporter-bench [--quick] [--only P1,P3] [--scaffold PATH] [--spec PATH]`: measures P1–P7 (see
/// `Benchmarks/README.md`) and prints one JSON object per line. Build it in release:
/// `swift build -c release --package-path Benchmarks`.
@main
struct ExporterBench {
    static func main() async {
        do {
            let options = try Options(arguments: Array(CommandLine.arguments.dropFirst()))
            if options.help {
                print(Options.usage)
                return
            }
            try await run(options)
        } catch {
            FileHandle.standardError.write(Data("exporter-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run(_ options: Options) async throws {
        let sizes = options.quick ? Sizes.quick : Sizes.full
        let events = EventMix.events(turns: sizes.poolTurns)
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }

        // P5 first: its peak RSS should not inherit the heap earlier figures grew.
        if options.runs("P5") { Report.emit(try await StalledBackend.run(events: events, total: 1_000_000)) }
        if options.runs("P1") {
            Report.emit(try await SpansToOTLP.run(events: events, rounds: sizes.p1Rounds, repeats: sizes.repeats))
        }
        if options.runs("P2") {
            Report.emit(
                try await RawExporterThroughput.run(events: events, rounds: sizes.p2Rounds, repeats: sizes.repeats)
            )
        }
        if options.runs("P3") { Report.emit(try await EmitCost.run(events: events, turns: sizes.p3Turns)) }
        if options.runs("P4") {
            Report.emit(
                try await FileExport.run(
                    events: events,
                    rounds: sizes.p4Rounds,
                    repeats: sizes.repeats,
                    directory: directory
                )
            )
        }
        if options.runs("P7") { Report.emit(try await TracingBridge.run(samples: sizes.p7Samples)) }
        if options.runs("P6") {
            guard let scaffold = options.scaffold ?? Options.defaultScaffold() else {
                throw BenchError(
                    "P6: no scaffold binary; build it with `swift build -c release --package-path Benchmarks --product scaffold` or pass --scaffold PATH"
                )
            }
            Report.emit(
                try GeneratorTiming.run(
                    scaffold: scaffold,
                    spec: options.spec,
                    runs: sizes.p6Runs,
                    directory: directory
                )
            )
        }
    }

    private static func temporaryDirectory() throws -> String {
        var template = Array((NSTemporaryDirectory() + "/exporter-bench.XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw BenchError("cannot create a temporary directory") }
        return String(cString: made)
    }
}

/// How much work each figure does.
struct Sizes {
    var poolTurns: Int
    var repeats: Int
    var p1Rounds: Int
    var p2Rounds: Int
    var p3Turns: Int
    var p4Rounds: Int
    var p6Runs: Int
    var p7Samples: Int

    /// About a minute on two busy cores; every figure is the median of three runs.
    static let full = Sizes(
        poolTurns: 1000,
        repeats: 3,
        p1Rounds: 50,
        p2Rounds: 200,
        p3Turns: 200_000,
        p4Rounds: 50,
        p6Runs: 10,
        p7Samples: 100_000
    )
    /// A few seconds: proves that every figure runs (CI).
    static let quick = Sizes(
        poolTurns: 200,
        repeats: 1,
        p1Rounds: 10,
        p2Rounds: 50,
        p3Turns: 20_000,
        p4Rounds: 10,
        p6Runs: 3,
        p7Samples: 5_000
    )
}

/// The command line.
struct Options {
    var quick = false
    var help = false
    var only: Set<String>?
    var scaffold: String?
    var spec = Options.defaultSpec

    static let usage = """
        usage: exporter-bench [--quick] [--only P1,P2,...] [--scaffold PATH] [--spec PATH]
          --quick          small sizes: every figure in a few seconds (CI)
          --only LIST      run only these figures (P1 … P7)
          --scaffold PATH  the scaffold binary P6 times (default: next to exporter-bench)
          --spec PATH      the spec P6 generates (default: Benchmarks/Fixtures/exporter.yaml)
        Prints one JSON object per line: {"figure": "P1", "name": ..., "value": ..., "unit": ...}
        """

    init(arguments: [String]) throws {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--quick": quick = true
            case "--help", "-h": help = true
            case "--only", "--scaffold", "--spec":
                guard let value = remaining.popFirst() else {
                    throw BenchError("\(argument) needs a value\n\(Self.usage)")
                }
                switch argument {
                case "--only": only = Set(value.split(separator: ",").map { $0.uppercased() })
                case "--scaffold": scaffold = value
                default: spec = value
                }
            default: throw BenchError("unknown argument '\(argument)'\n\(Self.usage)")
            }
        }
    }

    func runs(_ figure: String) -> Bool { only?.contains(figure) ?? true }

    /// `Benchmarks/Fixtures/exporter.yaml` of the checkout this was built from.
    static var defaultSpec: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/exporter.yaml").path
    }

    /// `scaffold` in the same build directory as this executable, if it was built there.
    static func defaultScaffold() -> String? {
        guard let path = Bundle.main.executablePath else { return nil }
        let own = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let sibling = own.deletingLastPathComponent().appendingPathComponent("scaffold").path
        return FileManager.default.isExecutableFile(atPath: sibling) ? sibling : nil
    }
}
