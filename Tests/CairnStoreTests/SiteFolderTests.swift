import Foundation
import Testing

@testable import CairnStore

/// The folder `cairn publish` writes into, on real files: made when missing, refused when it is
/// someone else's, replaced whole on a second publish, and never a way out of itself.
@Suite struct SiteFolderTests {
    let fm = FileManager.default

    func files(_ pairs: [(String, String)]) -> [(name: String, data: Data)] { pairs.map { (name: $0.0, data: Data($0.1.utf8)) } }

    func listing(_ folder: URL) throws -> [String] { try fm.contentsOfDirectory(atPath: folder.path).sorted() }

    func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    func refusal(_ folder: URL, _ written: [(name: String, data: Data)]) -> String? {
        do {
            try SiteFolder.publish(written, to: folder, access: .personal)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func a_missing_folder_is_made_and_holds_the_pages_and_the_manifest() throws {
        let tmp = TemporaryDirectory()
        let site = tmp.url.appendingPathComponent("out/site")
        try SiteFolder.publish(files([("index.html", "<p>i</p>"), ("a-1.html", "a"), ("a-1.ics", "cal")]), to: site, access: .personal)
        #expect(try listing(site) == [".cairn-site", "a-1.html", "a-1.ics", "index.html"])
        #expect(try text(site.appendingPathComponent("index.html")) == "<p>i</p>")
        let manifest = try text(site.appendingPathComponent(".cairn-site")).split(separator: "\n")
        #expect(manifest.dropFirst() == ["a-1.html", "a-1.ics", "index.html"])
        var info = stat()
        #expect(stat(site.appendingPathComponent("a-1.html").path, &info) == 0 && info.st_mode & 0o777 == 0o600)
    }

    @Test func a_folder_holding_files_publish_did_not_write_is_refused_and_left_as_it_was() throws {
        let tmp = TemporaryDirectory()
        let folder = tmp.url.appendingPathComponent("documents")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: folder.appendingPathComponent("index.html"))
        let message = try #require(refusal(folder, files([("index.html", "site")])))
        #expect(message.contains("already holds files that cairn publish did not write") && !message.contains("\n"))
        #expect(try listing(folder) == ["index.html"] && text(folder.appendingPathComponent("index.html")) == "mine")
        // A manifest that is not publish's own (another program's file of that name) is no licence.
        try Data("index.html\n".utf8).write(to: folder.appendingPathComponent(".cairn-site"))
        #expect(refusal(folder, files([("index.html", "site")])) != nil)
        #expect(try text(folder.appendingPathComponent("index.html")) == "mine")
    }

    @Test func a_link_or_a_file_in_place_of_the_folder_is_refused() throws {
        let tmp = TemporaryDirectory()
        let real = tmp.url.appendingPathComponent("real")
        try fm.createDirectory(at: real, withIntermediateDirectories: true)
        let link = tmp.url.appendingPathComponent("link")
        try fm.createSymbolicLink(at: link, withDestinationURL: real)
        let message = try #require(refusal(link, files([("index.html", "site")])))
        #expect(message.contains("is a symbolic link"))
        #expect(try listing(real).isEmpty)
        let file = tmp.url.appendingPathComponent("file")
        try Data("x".utf8).write(to: file)
        #expect(try #require(refusal(file, files([("index.html", "site")]))).contains("is a file, not a folder"))
    }

    @Test func publishing_again_replaces_the_pages_removes_those_gone_and_keeps_files_added_by_hand() throws {
        let tmp = TemporaryDirectory()
        let site = tmp.url.appendingPathComponent("site")
        try SiteFolder.publish(
            files([("index.html", "1"), ("a-1.html", "a"), ("b-2.html", "b"), ("b-2.ics", "b")]), to: site, access: .personal)
        try Data("a note".utf8).write(to: site.appendingPathComponent("README.txt"))
        try SiteFolder.publish(files([("index.html", "2"), ("a-1.html", "a2")]), to: site, access: .personal)
        #expect(try listing(site) == [".cairn-site", "README.txt", "a-1.html", "index.html"])
        #expect(try text(site.appendingPathComponent("index.html")) == "2" && text(site.appendingPathComponent("a-1.html")) == "a2")
    }

    @Test func a_manifest_naming_files_outside_the_folder_removes_nothing_outside_it() throws {
        let tmp = TemporaryDirectory()
        let site = tmp.url.appendingPathComponent("site")
        try SiteFolder.publish(files([("index.html", "1")]), to: site, access: .personal)
        let victim = tmp.url.appendingPathComponent("victim.txt")
        try Data("keep".utf8).write(to: victim)
        let manifest = "\(SiteFolder.marker)\nindex.html\n../victim.txt\n\(victim.path)\n..\n.\n"
        try Data(manifest.utf8).write(to: site.appendingPathComponent(".cairn-site"))
        try SiteFolder.publish(files([("index.html", "2")]), to: site, access: .personal)
        #expect(try text(victim) == "keep")
        #expect(try listing(site) == [".cairn-site", "index.html"])
    }

    @Test func a_page_that_is_a_link_is_replaced_by_a_file_and_what_it_pointed_to_is_untouched() throws {
        let tmp = TemporaryDirectory()
        let site = tmp.url.appendingPathComponent("site")
        try SiteFolder.publish(files([("index.html", "1")]), to: site, access: .personal)
        let outside = tmp.url.appendingPathComponent("outside.html")
        try Data("outside".utf8).write(to: outside)
        try fm.removeItem(at: site.appendingPathComponent("index.html"))
        try fm.createSymbolicLink(at: site.appendingPathComponent("index.html"), withDestinationURL: outside)
        try SiteFolder.publish(files([("index.html", "2")]), to: site, access: .personal)
        #expect(try text(outside) == "outside")
        #expect(try fm.destinationOfSymbolicLinkIfAny(site.appendingPathComponent("index.html")) == nil)
        #expect(try text(site.appendingPathComponent("index.html")) == "2")
    }

    @Test func a_name_with_a_folder_or_a_dot_first_is_refused_before_anything_is_written() throws {
        let tmp = TemporaryDirectory()
        let site = tmp.url.appendingPathComponent("site")
        for name in ["../x.html", "a/b.html", ".cairn-site", "", "a\u{0}.html"] {
            #expect(refusal(site, files([("index.html", "1"), (name, "x")])) != nil, "\(name) was taken")
        }
        #expect(!fm.fileExists(atPath: site.path))
    }
}

extension FileManager {
    /// Where a link points, or nil when `url` is no link.
    fileprivate func destinationOfSymbolicLinkIfAny(_ url: URL) throws -> String? {
        var info = stat()
        guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
        return try destinationOfSymbolicLink(atPath: url.path)
    }
}
