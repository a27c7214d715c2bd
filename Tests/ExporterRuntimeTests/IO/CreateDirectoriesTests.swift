import ExporterCore
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `mkdir -p` as every sink does it.
@Suite("createDirectories")
struct CreateDirectoriesTests {
    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    @Test("creates every missing level of a nested path")
    func nested() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("a/b/./c/d")
        try createDirectories(path)
        #expect(Self.isDirectory(directory.file("a/b/c/d")))
    }

    @Test("an existing directory, and a trailing slash, are fine")
    func existing() throws {
        let directory = try TemporaryDirectory()
        try createDirectories(directory.file("a/b"))
        try createDirectories(directory.file("a/b"))
        try createDirectories(directory.file("a/b/"))
        try createDirectories(directory.path)
        #expect(Self.isDirectory(directory.file("a/b")))
    }

    @Test("a file in the way fails with the directory that could not be created")
    func fileInTheWay() throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("plain")
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        #expect(throws: FileIOError(.createDirectory, path: file + "/sub", errno: ENOTDIR)) {
            try createDirectories(file + "/sub/deeper")
        }
        let error = FileIOError(.createDirectory, path: file + "/sub", errno: ENOTDIR)
        #expect(error.description.hasPrefix("cannot create directory '\(file)/sub': "))
    }
}
