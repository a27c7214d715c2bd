/// The runtime's sources as this `scaffold` was built with them (the EmbedRuntime build plugin): what
/// `vendor --with-runtime` copies unless `--runtime-path` names a checkout, so an installed binary needs none and
/// the vendored runtime is always the one this generator's code was written for.
enum EmbeddedRuntimeSources {
    /// The files of one directory of the package (`Sources/ExporterCore`), by path relative to it; empty when the
    /// binary does not carry that directory.
    static func files(in directory: String) -> [String: [UInt8]] {
        let prefix = directory + "/"
        var files: [String: [UInt8]] = [:]
        for (path, text) in EmbeddedRuntime.all where path.hasPrefix(prefix) {
            files[String(path.dropFirst(prefix.count))] = Array(text.utf8)
        }
        return files
    }

    /// The package directories the binary carries (`Sources/CYAML`, `Sources/ExporterCore`, ...).
    static var directories: Set<String> {
        Set(EmbeddedRuntime.all.keys.map { $0.split(separator: "/").prefix(2).joined(separator: "/") })
    }
}
