import Testing

@testable import ScaffoldGenerator

/// The vendor record, the file filters and the printed Package.swift lines.
@Suite("Vendor record and paths")
struct VendorRecordTests {
    @Test("hand edits: changed and added files, not deleted ones")
    func handEdits() throws {
        let record = VendorRecord(
            generatorVersion: "0.1.0",
            files: ["a.swift": Array("a".utf8), "b.swift": Array("b".utf8), "c.swift": Array("c".utf8)]
        )
        let decoded = try VendorRecord.decode(record.encoded(), file: "vendor.json")
        #expect(decoded == record)
        let current = [
            "a.swift": VendorRecord.hexDigest(Array("a".utf8)),
            "b.swift": VendorRecord.hexDigest(Array("B".utf8)),
            "new.swift": VendorRecord.hexDigest(Array("n".utf8)),
        ]
        #expect(
            decoded.handEdits(current: current) == [
                VendorHandEdit(path: "b.swift", reason: "edited by hand"),
                VendorHandEdit(path: "new.swift", reason: "added by hand"),
            ]
        )
        // The known SHA-256 of "abc" (FIPS 180-4, appendix B.1).
        #expect(
            VendorRecord.hexDigest(Array("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        )
        #expect(throws: (any Error).self) { try VendorRecord.decode("{\"files\": {}}", file: "v") }
    }

    @Test("local state and the lock are not copied from the source; the record is not compared")
    func filters() {
        for path in [
            ".build/x.o", "Sub/.build-linux/y", ".swiftpm/z", ".git/HEAD", "Package.resolved", ScaffoldLock.path,
        ] {
            #expect(!VendorPaths.isCopiedFromSource(path), "\(path)")
        }
        for path in ["Package.swift", "Sources/A/B.swift", ".scaffold/exporter.schema.json", ".swift-format"] {
            #expect(VendorPaths.isCopiedFromSource(path), "\(path)")
        }
        #expect(VendorPaths.isRecorded(ScaffoldLock.path))
        #expect(!VendorPaths.isRecorded(VendorRecord.path))
    }

    @Test("the printed lines name the vendored directory, the module and the runtime")
    func instructions() {
        let local = VendorInstructions(
            packagePath: "Vendor/acme",
            module: "Acme",
            runtime: .path("Vendor/exporter-scaffold"),
            runtimePackage: "exporter-scaffold"
        )
        #expect(
            local.packageLines == [
                #".package(path: "Vendor/acme"),"#,
                #".package(name: "exporter-scaffold", path: "Vendor/exporter-scaffold"),"#,
            ]
        )
        #expect(
            local.productLines == [
                #".product(name: "Acme", package: "acme"),"#,
                #".product(name: "ExporterRuntime", package: "exporter-scaffold"),"#,
            ]
        )
        let remote = VendorInstructions(
            packagePath: "Vendor/acme",
            module: "Acme",
            runtime: .url("https://example.com/r.git", from: "1.2.0"),
            runtimePackage: "r"
        )
        #expect(remote.packageLines[1] == #".package(url: "https://example.com/r.git", from: "1.2.0"),"#)
        #expect(remote.text.contains("    .product(name: \"ExporterRuntime\", package: \"r\"),"))
    }
}
