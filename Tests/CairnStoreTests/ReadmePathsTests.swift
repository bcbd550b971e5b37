import Foundation
import Testing

/// The README's design notes send a reader to files: each must be there, or the house is
/// harder to walk through than its map says.
@Suite struct ReadmePathsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every file in the package's own folders, by its path from the package root.
    static func packageFiles() throws -> [String] {
        var found: [String] = []
        for top in ["Sources", "Tests", "Resources"] {
            let folder = root.appendingPathComponent(top)
            let walk = try #require(FileManager.default.enumerator(atPath: folder.path))
            for case let path as String in walk { found.append("\(top)/\(path)") }
        }
        return found + ["Package.swift", "README.md"]
    }

    @Test func every_source_file_the_readme_names_exists() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let files = try Self.packageFiles()
        // A backquoted name of a source file: `Sync/AppendOnly.swift`, `Store+Tamper.swift`.
        let named = readme.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
            .filter { $0.hasSuffix(".swift") && !$0.contains(" ") && !$0.contains("*") }
        #expect(named.count > 20, "the README names its source files in backquotes")
        for name in Set(named).sorted() {
            #expect(files.contains { $0 == name || $0.hasSuffix("/" + name) }, "the README names \(name), which is not in the package")
        }
    }
}
