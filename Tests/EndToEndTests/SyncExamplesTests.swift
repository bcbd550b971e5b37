import Foundation
import Testing

/// A store's own examples (`inspiration.json`) travel with its journals, and two copies that
/// both changed them keep both sides' changes; a file that is no library never travels.
@Suite(.serialized) struct SyncExamplesTests {
    static func goal(_ statement: String, theme: String = "attendance") -> String {
        """
        {"statement": "\(statement)", "indicator": "days attended", "unit": "%", "direction": "increase", \
        "baseline": 80, "target": 90, "theme": "\(theme)"}
        """
    }

    static func library(_ goals: [String]) -> Data {
        Data("{\"goals\": [\(goals.joined(separator: ", "))], \"actions\": [], \"agreements\": []}\n".utf8)
    }

    static func statements(_ machine: SyncHub.Machine) throws -> [String] {
        let data = try Data(contentsOf: machine.store.appendingPathComponent("inspiration.json"))
        let library = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let goals = try #require(library["goals"] as? [[String: Any]])
        return goals.compactMap { $0["statement"] as? String }.sorted()
    }

    @Test func examples_both_copies_changed_are_merged_example_by_example() throws {
        let hub = try SyncHub()
        let server = hub.machine("server")
        try server.must(["add", "cluster", "--name", "Kāhui Ako Ōtautahi"])
        try Self.library([Self.goal("Mentors for every Year 9 pupil", theme: "mentoring")])
            .write(to: server.store.appendingPathComponent("inspiration.json"))
        try server.must(["sync", "--init", hub.bare.path])
        #expect(try hub.git(["ls-tree", "--name-only", "HEAD"], in: hub.bare).stdout.contains("inspiration.json"))

        let laptop = try hub.clone("laptop")
        #expect(try Self.statements(laptop) == ["Mentors for every Year 9 pupil"])
        // The server adds one; the laptop rewords the first and adds another.
        try Self.library([Self.goal("Mentors for every Year 9 pupil", theme: "mentoring"), Self.goal("Łódź: attendance above 95%")])
            .write(to: server.store.appendingPathComponent("inspiration.json"))
        try Self.library([Self.goal("Mentors for every pupil in Years 9 and 10", theme: "mentoring"), Self.goal("漢字 club after school")])
            .write(to: laptop.store.appendingPathComponent("inspiration.json"))
        _ = try server.sync()
        let line = try laptop.sync()
        #expect(line.contains("Synced with origin"), "\(line)")
        _ = try server.sync()

        let expected = ["Mentors for every pupil in Years 9 and 10", "Łódź: attendance above 95%", "漢字 club after school"].sorted()
        #expect(try Self.statements(laptop) == expected)
        #expect(try Self.statements(server) == expected)
        #expect(try laptop.cairn(["check"]).status == 0)
        let status = try hub.git(["status", "--porcelain"], in: laptop.store).stdout
        #expect(status.isEmpty, "\(status)")
    }

    @Test func examples_that_are_a_link_or_no_library_are_not_sent_and_the_sync_says_so() throws {
        let hub = try SyncHub()
        let server = hub.machine("server")
        try server.must(["add", "cluster", "--name", "São João"])
        try server.must(["sync", "--init", hub.bare.path])
        let file = server.store.appendingPathComponent("inspiration.json")
        try FileManager.default.createSymbolicLink(at: file, withDestinationURL: URL(fileURLWithPath: "/etc/hostname"))
        try server.must(["add", "school", "--name", "Þingeyjarskóli"])
        let linked = try server.sync()
        #expect(linked.contains("inspiration.json was not sent: it is not a plain file"), "\(linked)")
        try FileManager.default.removeItem(at: file)
        try Data("{\"goals\": 3}".utf8).write(to: file)
        let broken = try server.sync()
        #expect(broken.contains("inspiration.json was not sent: it is not a library of examples"), "\(broken)")
        // A FIFO in its place is never waited on.
        try FileManager.default.removeItem(at: file)
        #expect(mkfifo(file.path, 0o600) == 0)
        let fifo = try server.sync()
        #expect(fifo.contains("inspiration.json was not sent: it is not a plain file"), "\(fifo)")
        let sent = try hub.git(["ls-tree", "-r", "--name-only", "HEAD"], in: hub.bare).stdout
        #expect(!sent.contains("inspiration.json"), "\(sent)")
        // The journals went all the same.
        #expect(try hub.clone("laptop").must(["list", "schools"]).contains("Þingeyjarskóli"))
    }

    @Test func examples_a_hub_brings_as_a_link_or_as_no_library_are_refused_whole() throws {
        for (what, expected) in [("link", "which is not a plain file"), ("garbage", "its inspiration.json cannot be read")] {
            let hub = try SyncHub()
            let server = hub.machine("server")
            try server.must(["add", "cluster", "--name", "Kāhui Ako"])
            try server.must(["sync", "--init", hub.bare.path])
            // A member with push rights writes the hub by hand.
            let hostile = hub.root.appendingPathComponent("hostile")
            try hub.git(["clone", "--quiet", hub.bare.path, hostile.path], in: hub.root)
            let file = hostile.appendingPathComponent("inspiration.json")
            if what == "link" {
                try FileManager.default.createSymbolicLink(at: file, withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
            } else {
                try Data(repeating: 0x41, count: 2000).write(to: file)
            }
            try hub.git(["add", "-f", "inspiration.json"], in: hostile)
            try hub.git(["-c", "user.name=m", "-c", "user.email=m@x", "commit", "--quiet", "-m", "examples"], in: hostile)
            try hub.git(["push", "--quiet", "origin", "HEAD"], in: hostile)

            let before = try hub.git(["rev-parse", "HEAD"], in: server.store).stdout
            let refused = try server.cairn(["sync"])
            #expect(refused.status != 0)
            #expect(refused.stderr.contains(expected), "\(what): \(refused.stderr)")
            #expect(refused.stderr.contains("nothing was merged"), "\(refused.stderr)")
            #expect(try hub.git(["rev-parse", "HEAD"], in: server.store).stdout == before)
            #expect(!FileManager.default.fileExists(atPath: server.store.appendingPathComponent("inspiration.json").path))
        }
    }

    @Test func examples_left_here_unsent_are_named_when_the_hub_brings_new_ones_and_removing_them_takes_the_hubs() throws {
        for what in ["link", "garbage"] {
            let hub = try SyncHub()
            let server = hub.machine("server")
            try server.must(["add", "cluster", "--name", "Kāhui Ako"])
            let file = server.store.appendingPathComponent("inspiration.json")
            try Self.library([Self.goal("Mentors for every Year 9 pupil")]).write(to: file)
            try server.must(["sync", "--init", hub.bare.path])
            let laptop = try hub.clone("laptop")
            try Self.library([Self.goal("Łódź: attendance above 95%")]).write(to: laptop.store.appendingPathComponent("inspiration.json"))
            try laptop.must(["add", "school", "--name", "Szkoła Podstawowa nr 1 w Łodzi"])
            _ = try laptop.sync()

            // Here the file is no longer one to send: a member's link, or a half-typed edit.
            try FileManager.default.removeItem(at: file)
            if what == "link" {
                try FileManager.default.createSymbolicLink(at: file, withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
            } else {
                try Data("{\"goals\": [".utf8).write(to: file)
            }
            let refused = try server.cairn(["sync"])
            #expect(refused.status != 0)
            #expect(
                refused.stderr.contains("origin brings new examples, and this copy's inspiration.json was not sent"),
                "\(what): \(refused.stderr)")
            #expect(refused.stderr.contains("`rm \(file.path)`"), "\(what): \(refused.stderr)")
            #expect(FileManager.default.destinationOfSymbolicLinkSafely(file) == (what == "link" ? "/etc/passwd" : nil), "left as it was")

            try FileManager.default.removeItem(at: file)
            let line = try server.sync()
            #expect(line.contains("Synced with origin"), "\(line)")
            #expect(try server.must(["list", "schools"]).contains("Szkoła Podstawowa nr 1 w Łodzi"))
            #expect(try Self.statements(server) == ["Łódź: attendance above 95%"])
        }
    }
}

/// Two copies' examples merged are never more than a copy reads: laid out on one line when
/// that is what fits, refused when nothing does, so that the hub never holds a file every other
/// copy would refuse it for.
@Suite(.serialized) struct SyncExamplesSizeTests {
    /// `count` actions on one line, each named from `prefix`.
    static func actions(_ prefix: String, _ count: Int) -> Data {
        let items = (0..<count).map { #"{"description":"\#(prefix) \#($0)","class":"prevention","sectors":["education"]}"# }
        return Data(#"{"goals":[],"actions":[\#(items.joined(separator: ","))],"agreements":[]}"#.utf8)
    }

    @Test func merged_examples_fit_in_1_mib_on_one_line_or_are_refused_and_the_hub_stays_readable() throws {
        let hub = try SyncHub()
        let server = hub.machine("server")
        try server.must(["add", "cluster", "--name", "Kāhui Ako"])
        let serverFile = server.store.appendingPathComponent("inspiration.json")
        try Self.actions("Łódź", 10).write(to: serverFile)
        try server.must(["sync", "--init", hub.bare.path])
        let laptop = try hub.clone("laptop")
        let laptopFile = laptop.store.appendingPathComponent("inspiration.json")

        // 4,000 a side: 0.6 MiB together on one line, over 1 MiB laid out.
        try Self.actions("Mentoring in Óbidos", 4_000).write(to: laptopFile)
        _ = try laptop.sync()
        try Self.actions("Homework club in Þingeyjarskóli", 4_000).write(to: serverFile)
        let line = try server.sync()
        #expect(line.contains("Synced with origin"), "\(line)")
        let merged = try #require(FileManager.default.attributesOfItem(atPath: serverFile.path)[.size] as? Int)
        #expect(merged <= 1 << 20, "\(merged) bytes")
        let library = try JSONSerialization.jsonObject(with: Data(contentsOf: serverFile)) as? [String: Any]
        #expect((library?["actions"] as? [Any])?.count == 8_000)
        _ = try laptop.sync()

        // 9,000 more a side: over 1 MiB however written. Refused here; the hub reads as before.
        try Self.actions("Breakfast club in Gdańsk", 9_000).write(to: laptopFile)
        _ = try laptop.sync()
        try Self.actions("Attendance calls in 漢字町", 9_000).write(to: serverFile)
        let refused = try server.cairn(["sync"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("this copy's examples and origin's are larger than 1 MiB together"), "\(refused.stderr)")
        #expect(try hub.git(["status", "--porcelain"], in: server.store).stdout.isEmpty, "no merge left half made")
        let onHub = try hub.git(["cat-file", "-s", "HEAD:inspiration.json"], in: hub.bare).stdout
        #expect((Int(onHub.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .max) <= 1 << 20, "\(onHub)")
        try laptop.must(["add", "school", "--name", "Escola Básica de Óbidos"])
        #expect(try laptop.sync().contains("Synced with origin"))
    }
}

extension FileManager {
    /// Where a link points, or nil when `url` is no link.
    func destinationOfSymbolicLinkSafely(_ url: URL) -> String? { try? destinationOfSymbolicLink(atPath: url.path) }
}
