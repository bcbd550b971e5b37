import Foundation

@testable import CairnStore

/// A fresh directory under the system's temporary folder, removed when the test is done with it.
final class TemporaryDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var store: URL { url.appendingPathComponent("store") }
}

/// A journal's text as another copy would hold it under another name: its lines without their
/// hash chain (as a version before the chain wrote them), since a chain names its own journal.
func unchained(_ text: String) -> String {
    text.replacingOccurrences(of: #","chain":"[0-9a-f]{64}"\}"#, with: "}", options: .regularExpression)
}

/// Copies a journal to `to`, another copy's name, as `unchained` says.
func copyJournal(_ from: URL, to: URL) throws {
    try Data(unchained(try String(contentsOf: from, encoding: .utf8)).utf8).write(to: to)
}

/// Copies every journal file of `from` that `to` does not write into `to`, as git would carry
/// them between two copies, and lets `to` read them: the merge rules without the network.
func carry(_ from: Store, to: Store) throws {
    for file in try from.journalFiles() where file.lastPathComponent != to.journalFile.lastPathComponent {
        let target = to.directory.appendingPathComponent("journal/\(file.lastPathComponent)")
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: file, to: target)
    }
    try to.refresh()
}
