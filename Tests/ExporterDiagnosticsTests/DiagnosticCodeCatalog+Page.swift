extension DiagnosticCodeCatalog {
    /// Where the page is committed, relative to the package root.
    static let pagePath = "docs/diagnostic-codes.md"

    /// `docs/diagnostic-codes.md`: one table per area, codes in numeric order.
    var page: String {
        var lines = [
            "# Diagnostic codes",
            "",
            "<!-- Generated from the `DiagnosticCode+*.swift` files of Sources/ by DiagnosticCodeCatalogTests;",
            "     do not edit. `SCAFFOLD_RECORD=1 swift test --filter DiagnosticCodeCatalogTests` re-records it. -->",
            "",
            "Every problem the scaffold and the runtime report carries a stable code: printed as `error[CODE]` (or",
            "`warning[CODE]`) in the compiler-style output and as `code` in `--format json`, and never changes",
            "meaning. In Swift, each code is a static member of `DiagnosticCode` (the Name column), declared by the",
            "module that reports it.",
            "",
        ]
        var areas: [String] = []
        for entry in entries where !areas.contains(entry.area) { areas.append(entry.area) }
        for area in areas {
            let rows = entries.filter { $0.area == area }
            lines += ["## \(area)", "", "| Code | Name | Module | Meaning |", "| --- | --- | --- | --- |"]
            for row in rows {
                let summary = row.summary.replacingOccurrences(of: "|", with: "\\|")
                lines.append("| `\(row.code)` | `\(row.name)` | \(row.module) | \(summary) |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
