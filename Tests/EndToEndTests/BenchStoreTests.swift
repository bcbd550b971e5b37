import Foundation
import Testing

/// `cairn-bench --store DIR` on a folder that is not there yet makes it and generates into it;
/// on a path it cannot use it says why in one line, never with a crash report.
@Suite struct BenchStoreTests {
    /// The `cairn-bench` that `swift test` built beside `cairn`.
    static let bench = URL(fileURLWithPath: Shell.cairn).deletingLastPathComponent().appendingPathComponent("cairn-bench").path

    static let small = ["--schools", "12", "--clusters", "2", "--agencies", "3", "--checkpoints", "6", "--load-only"]

    @Test func the_bench_makes_a_store_folder_that_does_not_exist_and_generates_into_it() throws {
        let tmp = TemporaryStore()
        let folder = tmp.root.appendingPathComponent("nowhere yet/Þingeyjar store")
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        let done = try Shell.run(Self.bench, ["--store", folder.path] + Self.small)
        #expect(done.status == 0, "\(done.stderr)")
        #expect(!done.stderr.contains("Fatal error"), "\(done.stderr)")
        #expect(done.stdout.contains("store: "), "\(done.stdout)")
        #expect(done.stdout.contains("12 schools, 2 clusters"), "\(done.stdout)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("journal").path))
    }

    @Test func the_bench_refuses_a_store_path_that_is_a_file_in_one_line() throws {
        let tmp = TemporaryStore()
        let file = tmp.root.appendingPathComponent("a file")
        try Data("not a store\n".utf8).write(to: file)
        let refused = try Shell.run(Self.bench, ["--store", file.path] + Self.small)
        #expect(refused.status == 1)
        #expect(refused.stderr == "cairn-bench: \(file.path) is a file, not a folder: give --store a folder\n")
    }
}
