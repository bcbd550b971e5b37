import Foundation
import Testing

/// The command line's messages about files, columns and days say what is wrong, in one line,
/// and its counts agree with their nouns.
@Suite struct CommandLineMessagesTests {
    static func register(_ store: TemporaryStore, _ text: String) throws -> String {
        let file = store.root.appendingPathComponent("register.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func import_of_a_binary_file_says_in_one_short_line_that_it_is_not_text() throws {
        let store = TemporaryStore()
        // A zip's (and so an .xlsx's) first bytes, then every byte value in turn.
        let bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + (0..<16_000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
        let file = store.root.appendingPathComponent("schools.xlsx")
        try Data(bytes).write(to: file)
        let r = try Shell.cairn(["import", file.path], store: store.url)
        #expect(r.status != 0)
        #expect(r.stderr == "Error: \(file.path) is not text (a spreadsheet's own format, an archive?): save it as CSV and import that\n")
        #expect((try Shell.export(store.url)["schools"] as? [Any])?.isEmpty == true, "nothing written")
    }

    @Test func import_of_a_file_it_cannot_read_says_why() throws {
        let store = TemporaryStore()
        let missing = store.root.appendingPathComponent("nope.csv").path
        let r = try Shell.cairn(["import", missing], store: store.url)
        #expect(r.status != 0)
        #expect(r.stderr == "Error: cannot read \(missing): no such file or directory\n")
        let folder = try Shell.cairn(["import", store.root.path], store: store.url)
        #expect(folder.stderr == "Error: cannot read \(store.root.path): it is a directory\n")
        let words = try Shell.cairn(["import", try Self.register(store, "Name\nA\n"), "--phase-words", missing], store: store.url)
        #expect(words.stderr == "Error: cannot read \(missing): no such file or directory\n")
    }

    @Test func a_column_the_register_lacks_is_blamed_on_the_option_that_names_it_with_the_columns_it_has() throws {
        let store = TemporaryStore()
        let file = try Self.register(store, "Name,Code,Town\nEscola Básica de Óbidos,101,Óbidos\n")
        let cases: [([String], String)] = [
            (["--cluster-by", "Nope"], "--cluster-by Nope"),
            (["--cluster-by", "Code,Nope"], "--cluster-by Code,Nope"),
            (["--cluster-by", "Code", "--grouping-by", "Nope"], "--grouping-by Nope"),
            (["--map", "municipality=Nope"], "--map municipality=Nope"),
        ]
        for (args, blamed) in cases {
            let r = try Shell.cairn(["import", file] + args, store: store.url)
            #expect(r.status != 0)
            #expect(
                r.stderr == "Error: \(blamed): the register has no column “Nope”; its columns are “Name”, “Code”, “Town”\n",
                "\(args): \(r.stderr)")
        }
    }

    @Test func a_day_that_must_not_be_later_is_asked_for_in_the_forms_that_are_accepted() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["add", "cluster", "--name", "Sieć Bałuty"], store: store.url)
        _ = try Shell.cairn(["add", "school", "--name", "SP 81", "--cluster", "Sieć Bałuty"], store: store.url)
        _ = try Shell.cairn(["add", "checkpoint", "--cluster", "Sieć Bałuty", "--title", "Plan", "--due", "today"], store: store.url)
        let hint = "use YYYY-MM-DD, today, yesterday or -3d (a later day is refused)"
        let cases: [([String], String)] = [
            (["tick", "Plan", "--on", "soon"], "--on: “soon” is not a date: \(hint)"),
            (["leave", "Sieć Bałuty", "SP 81", "--on", "soon"], "--on: “soon” is not a date: \(hint)"),
            (["report", "--as-of", "soon"], "--as-of: “soon” is not a date: \(hint)"),
            (["tick", "Plan", "--on", ""], "--on: a date is required: \(hint)"),
        ]
        for (args, message) in cases {
            let r = try Shell.cairn(args, store: store.url)
            #expect(r.status != 0)
            #expect(r.stderr == "Error: \(message)\n", "\(args): \(r.stderr)")
        }
    }

    @Test func counts_of_one_take_the_singular() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["add", "cluster", "--name", "Kāhui Ako", "--region", "Waikato"], store: store.url)
        _ = try Shell.cairn(["add", "school", "--name", "Te Kura", "--cluster", "Kāhui Ako"], store: store.url)
        let check = try Shell.cairn(["check"], store: store.url)
        #expect(check.stdout.contains("; 1 cluster, 1 school, 0 agencies, 1 member, 0 checkpoints"), "\(check.stdout)")
        let coverage = try Shell.cairn(["coverage", "--region", "Waikato"], store: store.url)
        #expect(coverage.stdout.hasPrefix("Coverage of region Waikato (1 cluster): 1 school; "), "\(coverage.stdout)")
        #expect(coverage.stdout.contains("gap: parents are absent locally"), "\(coverage.stdout)")
        #expect(coverage.stdout.contains("gap: health is absent locally"), "\(coverage.stdout)")
        let file = try CommandLineMessagesTests.register(store, "Name,Cluster ID,Cluster,Phase\nKura Rua,K2,Rōpū,Primray\n")
        let imported = try Shell.cairn(["import", file, "--cluster-by", "Cluster ID,Cluster"], store: store.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("\n1 cluster added, 1 membership added\n"), "\(imported.stdout)")
        #expect(imported.stdout.contains("unknown phase word “Primray” on 1 row:"), "\(imported.stdout)")
        #expect(imported.stdout.contains("written: 3 changes from register.csv"), "\(imported.stdout)")
        let demo = try Shell.cairn(["demo"], store: store.url)
        #expect(demo.stderr.contains("(2 clusters, 2 schools, 0 agencies)"), "\(demo.stderr)")
    }
}
