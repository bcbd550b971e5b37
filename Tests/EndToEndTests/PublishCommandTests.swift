import Foundation
import Testing

/// `cairn publish DIR` through the built binary: one line of output, the folder made and
/// replaced, calendars as the calendar export writes them, hostile names kept inside the folder,
/// and one-line refusals.
@Suite struct PublishCommandTests {
    let gent = "Lokaal netwerk Gent tegen vroegtijdig schoolverlaten"

    func files(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func publish_prints_one_line_and_publishing_again_removes_the_pages_of_a_cluster_gone() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let site = store.root.appendingPathComponent("out/site")
        let first = try Shell.cairn(["publish", site.path], store: store.url)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "published 9 pages and 7 calendars to \(site.path)\n")
        #expect(first.stderr.isEmpty)
        let before = try files(site)
        #expect(before.count == 16 && before.contains("index.html"))
        let baluty = try #require(before.first { $0.hasPrefix("siec-wspolpracy-szkol-baluty-") && $0.hasSuffix(".html") })
        let deleted = try Shell.cairn(["delete", "Sieć Współpracy Szkół Bałuty"], store: store.url)
        try #require(deleted.status == 0, "\(deleted.stderr)")
        let again = try Shell.cairn(["publish", site.path], store: store.url)
        #expect(again.stdout == "published 8 pages and 6 calendars to \(site.path)\n", "\(again.stderr)")
        let after = try files(site)
        #expect(Set(before).subtracting(after) == [baluty, baluty.replacingOccurrences(of: ".html", with: ".ics")])
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!index.contains(baluty) && !index.contains("Bałuty"))
    }

    @Test func a_cluster_pages_calendar_is_what_the_calendar_export_writes() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let site = store.root.appendingPathComponent("site")
        _ = try Shell.cairn(["publish", site.path], store: store.url)
        let export = try Shell.cairn(["export", "--format", "ics", "--cluster", gent], store: store.url)
        try #require(export.status == 0, "\(export.stderr)")
        let page = try #require(try files(site).first { $0.hasPrefix("lokaal-netwerk-gent-") && $0.hasSuffix(".html") })
        let calendar = page.replacingOccurrences(of: ".html", with: ".ics")
        let html = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)
        #expect(html.contains("href=\"\(calendar)\""))
        func stable(_ s: String) -> String {
            s.components(separatedBy: "\r\n").filter { !$0.hasPrefix("DTSTAMP:") }.joined(separator: "\r\n")
        }
        let written = try String(contentsOf: site.appendingPathComponent(calendar), encoding: .utf8)
        #expect(written.contains("BEGIN:VEVENT"))
        #expect(stable(written) == stable(export.stdout))
    }

    @Test func hostile_cluster_names_give_plain_file_names_inside_the_folder_and_escaped_pages() throws {
        let store = TemporaryStore()
        let names = ["../../escape", "/etc/passwd", "<script>alert(1)</script>", "漢字 🎒", "evil\u{1B}]0;title\u{07}"]
        for name in names {
            let added = try Shell.cairn(["add", "cluster", "--name", name, "--kind", "network"], store: store.url)
            try #require(added.status == 0, "\(added.stderr)")
        }
        let site = store.root.appendingPathComponent("site")
        let before = try FileManager.default.contentsOfDirectory(atPath: store.root.path).sorted()
        let published = try Shell.cairn(["publish", site.path], store: store.url)
        #expect(published.status == 0, "\(published.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.root.path).sorted() == (before + ["site"]).sorted())
        let written = try files(site)
        #expect(written.count == 1 + 2 * names.count)
        for file in written {
            #expect(file.range(of: "^[a-z0-9][a-z0-9-]*\\.(html|ics)$", options: .regularExpression) != nil, "\(file)")
        }
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !index.contains("<script"))
        #expect(!index.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test func a_folder_of_other_files_a_link_or_no_folder_given_is_refused_in_one_line() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let documents = store.root.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: documents.appendingPathComponent("letter.txt"))
        let foreign = try Shell.cairn(["publish", documents.path], store: store.url)
        #expect(foreign.status == 1)
        #expect(foreign.stderr.hasPrefix("Error: \(documents.path) already holds files that cairn publish did not write"))
        #expect(foreign.stderr.split(separator: "\n").count == 1 && foreign.stdout.isEmpty)
        #expect(try files(documents) == ["letter.txt"])

        let empty = store.root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let link = store.root.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: empty)
        let linked = try Shell.cairn(["publish", link.path], store: store.url)
        #expect(linked.status == 1 && linked.stderr.contains("is a symbolic link") && linked.stderr.split(separator: "\n").count == 1)
        #expect(try files(empty).isEmpty)

        let missing = try Shell.cairn(["publish"], store: store.url)
        #expect(missing.status == 64)
        #expect(missing.stderr == "Error: Missing expected argument '<dir>' (cairn publish --help)\n", "\(missing.stderr)")
    }
}
