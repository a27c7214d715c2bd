import Testing

@testable import ScaffoldGenerator

@Suite("Line diff")
struct LineDiffTests {
    @Test("a changed line in the middle gives one hunk with context")
    func change() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        let diff = LineDiff.unified(path: "f.swift", old: old, new: new)
        #expect(
            diff == """
                --- a/f.swift
                +++ b/f.swift
                @@ -2,7 +2,7 @@
                 line 2
                 line 3
                 line 4
                -line 5
                +line five
                 line 6
                 line 7
                 line 8

                """
        )
    }

    @Test("creation and deletion diff against /dev/null; equal texts give nothing")
    func edges() {
        #expect(LineDiff.unified(path: "f", old: nil, new: "a\n") == "--- /dev/null\n+++ b/f\n@@ -0,0 +1 @@\n+a\n")
        #expect(LineDiff.unified(path: "f", old: "a\n", new: nil) == "--- a/f\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n")
        #expect(LineDiff.unified(path: "f", old: "same", new: "same").isEmpty)
    }
}
