import CairnCore
import Foundation
import Testing

/// Groupings from the command line: `cairn join` puts an existing school, agency or cluster in
/// a cluster (a cluster in a collaborative), `cairn tree` prints the graph.
@Suite struct GroupingCommandTests {
    @Test func join_makes_a_collaborative_of_clusters_and_tree_prints_it() throws {
        let store = TemporaryStore()
        func cairn(_ args: String...) throws -> Shell.Result { try Shell.cairn(args, store: store.url) }
        _ = try cairn("add", "cluster", "--name", "Northern Alliance", "--kind", "regional-collaborative")
        _ = try cairn("edit", "Northern Alliance", "level=regional")
        _ = try cairn("add", "cluster", "--name", "Portree Learning Community", "--kind", "network")
        _ = try cairn("add", "cluster", "--name", "Kāhui Ako o Ōtautahi")
        _ = try cairn("add", "school", "--name", "Portree High School", "--cluster", "Portree Learning Community")
        let joined = try cairn("join", "Northern Alliance", "Portree Learning Community", "--role", "member network")
        #expect(joined.status == 0, "\(joined.stderr)")
        #expect(joined.stdout.contains("Portree Learning Community"))
        // The school joins a second cluster: one school, two memberships, no duplicate.
        #expect(try cairn("join", "Kāhui Ako o Ōtautahi", "Portree High School").status == 0)

        let circle = try cairn("join", "Portree Learning Community", "Northern Alliance")
        #expect(circle.status != 0)
        #expect(circle.stderr.contains("is already within “Northern Alliance”"), "\(circle.stderr)")
        #expect(circle.stderr.split(separator: "\n").count == 1)

        let tree = try cairn("tree")
        #expect(tree.status == 0)
        let lines = tree.stdout.split(separator: "\n").map(String.init)
        let top = try #require(lines.firstIndex(of: "Northern Alliance (regional collaborative, regional)"), "\(tree.stdout)")
        #expect(lines[top + 1] == "  Portree Learning Community (network)")
        #expect(lines[top + 2] == "    · Portree High School (school)")
        #expect(!lines.contains("Portree Learning Community (network)"), "a member cluster is not a top of the tree")

        let json = try cairn("tree", "--json")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let alliance = try #require(list.first { $0["name"] as? String == "Northern Alliance" })
        #expect(Set(alliance.keys) == ["id", "name", "kind", "members"])
        let inner = try #require((alliance["members"] as? [[String: Any]])?.first)
        #expect(inner["name"] as? String == "Portree Learning Community" && inner["kind"] as? String == "network")
        let school = try #require((inner["members"] as? [[String: Any]])?.first)
        #expect(Set(school.keys) == ["id", "name"] && school["name"] as? String == "Portree High School")
        #expect(list.count == 2)
    }

    @Test func leave_keeps_the_member_with_its_day_and_join_from_says_when_it_joined() throws {
        let store = TemporaryStore()
        func cairn(_ args: String...) throws -> Shell.Result { try Shell.cairn(args, store: store.url) }
        _ = try cairn("add", "cluster", "--name", "Sieć Bałuty")
        _ = try cairn("add", "school", "--name", "Szkoła Podstawowa nr 3 w Łodzi")
        #expect(try cairn("join", "Sieć Bałuty", "Szkoła Podstawowa nr 3 w Łodzi", "--from", "2025-09-01").status == 0)
        let left = try cairn("leave", "Sieć Bałuty", "Szkoła Podstawowa nr 3 w Łodzi", "--on", "2026-11-30")
        #expect(left.status == 0, "\(left.stderr)")
        #expect(left.stdout.contains("Szkoła Podstawowa nr 3 w Łodzi left Sieć Bałuty on 2026-11-30"))
        let again = try cairn("leave", "Sieć Bałuty", "Szkoła Podstawowa nr 3 w Łodzi")
        #expect(again.status != 0 && again.stderr.contains("is not a member of Sieć Bałuty"), "\(again.stderr)")
        let export = try cairn("export", "--format", "json")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        #expect(doc["clusters"] != nil)
        let list = try cairn("list", "clusters")
        #expect(list.stdout.contains("Sieć Bałuty"))
        let journal = try cairn("log", "Sieć Bałuty")
        #expect(journal.status == 0)
    }
}
