import Testing

@testable import ScaffoldGenerator

@Suite("Generation planner")
struct GenerationPlannerTests {
    static let generated = GeneratedFile(path: "Sources/A/Generated/A.swift", contents: "new\n", ownership: .generated)
    static let user = GeneratedFile(path: "Sources/A/AHooks.swift", contents: "hooks\n", ownership: .userOwned)

    static func lock(_ files: [GeneratedFile]) -> ScaffoldLock {
        ScaffoldLock(generatorVersion: "0.1.0", specText: "spec", files: files)
    }

    func action(_ plan: GenerationPlan, _ path: String) -> GenerationPlan.Action? {
        plan.changes.first { $0.path == path }?.action
    }

    @Test("a fresh directory gets every file and the lock")
    func fresh() {
        let files = [Self.generated, Self.user]
        let plan = GenerationPlanner().plan(files: files, lock: Self.lock(files), existing: [:], previousLock: nil)
        #expect(action(plan, Self.generated.path) == .create)
        #expect(action(plan, Self.user.path) == .create)
        #expect(action(plan, ScaffoldLock.path) == .create)
        #expect(plan.writes.count == 3)
    }

    @Test("an up-to-date directory is left alone (no write keeps mtimes)")
    func unchanged() {
        let files = [Self.generated, Self.user]
        let lock = Self.lock(files)
        let existing = [Self.generated.path: "new\n", Self.user.path: "my edits\n", ScaffoldLock.path: lock.encoded()]
        let plan = GenerationPlanner().plan(files: files, lock: lock, existing: existing, previousLock: lock)
        #expect(plan.isUpToDate)
        #expect(plan.writes.isEmpty)
    }

    @Test("an outdated generated file is updated; a user-owned file never is")
    func outdated() {
        let old = GeneratedFile(path: Self.generated.path, contents: "old\n", ownership: .generated)
        let previous = Self.lock([old])
        let files = [Self.generated, Self.user]
        let existing = [Self.generated.path: "old\n", Self.user.path: "mine\n"]
        let plan = GenerationPlanner().plan(
            files: files,
            lock: Self.lock(files),
            existing: existing,
            previousLock: previous
        )
        #expect(action(plan, Self.generated.path) == .update)
        #expect(action(plan, Self.user.path) == .unchanged)
        #expect(!plan.writes.contains { $0.path == Self.user.path })
    }

    @Test("a hand-edited generated file is refused and named, unless forced")
    func handEdited() {
        let old = GeneratedFile(path: Self.generated.path, contents: "old\n", ownership: .generated)
        let previous = Self.lock([old])
        let existing = [Self.generated.path: "old plus my edit\n"]
        let refused = GenerationPlanner().plan(
            files: [Self.generated],
            lock: Self.lock([Self.generated]),
            existing: existing,
            previousLock: previous
        )
        #expect(refused.refusals.map(\.path) == [Self.generated.path])
        #expect(refused.refusals.first?.reason.contains("edited by hand") == true)
        let forced = GenerationPlanner(force: true).plan(
            files: [Self.generated],
            lock: Self.lock([Self.generated]),
            existing: existing,
            previousLock: previous
        )
        #expect(forced.refusals.isEmpty)
        #expect(action(forced, Self.generated.path) == .update)
    }

    @Test("a file in the way that scaffold did not make is refused")
    func foreignFile() {
        let plan = GenerationPlanner().plan(
            files: [Self.generated],
            lock: Self.lock([Self.generated]),
            existing: [Self.generated.path: "x"],
            previousLock: nil
        )
        #expect(action(plan, Self.generated.path) == .refuse)
    }

    @Test("a file no longer generated is deleted; refused when hand-edited")
    func orphan() {
        let orphan = GeneratedFile(path: "Sources/A/Generated/Old.swift", contents: "old\n", ownership: .generated)
        let previous = Self.lock([Self.generated, orphan])
        let clean = GenerationPlanner().plan(
            files: [Self.generated],
            lock: Self.lock([Self.generated]),
            existing: [Self.generated.path: "new\n", orphan.path: "old\n"],
            previousLock: previous
        )
        #expect(clean.deletions == [orphan.path])
        let edited = GenerationPlanner().plan(
            files: [Self.generated],
            lock: Self.lock([Self.generated]),
            existing: [Self.generated.path: "new\n", orphan.path: "edited\n"],
            previousLock: previous
        )
        #expect(action(edited, orphan.path) == .refuse)
        #expect(edited.deletions.isEmpty)
    }

    @Test("a hostile lock deletes nothing but files of the generated layout whose hash it records")
    func hostileLock() {
        let hooks = "Sources/A/AHooks.swift"
        let entries = [
            "exporter.yaml": "spec: 1\n", "../outside.txt": "outside\n", "/etc/passwd": "root\n",
            hooks: "hooks\n", "Sources/A/Mine.swift": "mine\n", "Tests/ATests/Helpers.swift": "helper\n",
            ".scaffold/lock.json": "{}", "Sources/A/Generated/../../../x.swift": "x\n",
            "Sources/A/Generated/Old.swift": "old\n", "Tests/ATests/ATests.swift": "tests\n",
        ]
        let previous = ScaffoldLock(
            generatorVersion: "0.1.0",
            specHash: "",
            files: entries.mapValues { SHA256.hexDigest(of: $0) }
        )
        let files = [Self.generated, Self.user]
        for force in [false, true] {
            let plan = GenerationPlanner(force: force).plan(
                files: files,
                lock: Self.lock(files),
                existing: entries.merging([Self.generated.path: "new\n"]) { _, new in new },
                previousLock: previous
            )
            #expect(plan.deletions.sorted() == ["Sources/A/Generated/Old.swift", "Tests/ATests/ATests.swift"])
            #expect(plan.refusals.isEmpty)
            #expect(action(plan, hooks) == .unchanged)
        }
    }

    @Test(
        "the generated layout, by pattern",
        arguments: [
            ("Package.swift", true), ("README.md", true), ("Sources/Acme/Generated/AcmeSpanExporter.swift", true),
            ("Sources/acme-replay/main.swift", true), ("Tests/AcmeTests/AcmeTests.swift", true),
            ("Tests/AcmeTests/Generated/AcmeTests.swift", true), ("exporter.yaml", false),
            (".scaffold/lock.json", false), ("Sources/Acme/AcmeHooks.swift", false),
            ("Tests/AcmeTests/MyTests.swift", false), ("../Package.swift", false), ("/Package.swift", false),
            ("Sources/Acme/Generated/notes.txt", false), ("Sources/Acme/Generated/.swift", false),
            ("Sources/Acme/Generated/Sub/A.swift", false), ("Sources/acme/main.swift", false),
            (".swift-format", false),
        ]
    )
    func layout(path: String, generated: Bool) {
        #expect(GeneratedLayout.isGeneratorNamed(path) == generated)
    }

    @Test("the lock round-trips and is deterministic")
    func lockRoundTrip() throws {
        let lock = Self.lock([Self.generated, Self.user])
        #expect(lock.files.keys.sorted() == [Self.generated.path])
        let decoded = try ScaffoldLock.decode(lock.encoded())
        #expect(decoded == lock)
        #expect(lock.encoded() == Self.lock([Self.user, Self.generated]).encoded())
        #expect(throws: (any Error).self) { try ScaffoldLock.decode("{not json") }
    }

    @Test(
        "paths that leave the output directory are unsafe",
        arguments: ["../x", "/etc/passwd", "a/../../b", "a//b", "", "./a", "a\\b"]
    )
    func unsafe(path: String) {
        #expect(!OutputPath.isSafe(path))
    }

    @Test("ordinary relative paths are safe")
    func safe() {
        #expect(OutputPath.isSafe("Sources/A/Generated/A.swift"))
        #expect(OutputPath.isSafe(".scaffold/lock.json"))
        #expect(OutputPath.parents(of: "a/b/c.swift") == ["a", "a/b"])
    }
}

@Suite("Scaffold lock JSON")
struct ScaffoldLockJSONTests {
    @Test("hostile paths, hashes and versions read back exactly (the lock quotes with JSONWriter)")
    func hostileStringsRoundTrip() throws {
        var files: [String: String] = [:]
        for (index, text) in nastyStrings.enumerated() { files[text] = "hash \(index) \(text)" }
        let lock = ScaffoldLock(generatorVersion: "0.1.0\u{7F}\u{2028}\"", specHash: "\\\u{0}", files: files)
        let decoded = try ScaffoldLock.decode(lock.encoded())
        #expect(decoded.generatorVersion.unicodeScalars.elementsEqual(lock.generatorVersion.unicodeScalars))
        #expect(decoded.specHash.unicodeScalars.elementsEqual(lock.specHash.unicodeScalars))
        #expect(decoded.files.count == files.count)
        for (path, hash) in files {
            #expect(decoded.files[path].map { $0.unicodeScalars.elementsEqual(hash.unicodeScalars) } == true)
        }
    }
}
