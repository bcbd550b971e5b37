import Foundation
import Testing

/// A school is in one agrupamento at a time: `cairn join` into a second one refuses, naming the
/// first and how to go on, and `--move` leaves the first and joins in one commit.
@Suite struct ExclusiveJoinTests {
    @Test func join_into_a_second_agrupamento_refuses_in_one_line_and_move_leaves_the_first_in_one_commit() throws {
        let store = TemporaryStore()
        func cairn(_ args: String...) throws -> Shell.Result { try Shell.cairn(args, store: store.url) }
        _ = try cairn("add", "cluster", "--name", "Agrupamento de Escolas Josefa de Óbidos")
        _ = try cairn("add", "cluster", "--name", "Agrupamento de Escolas de Peniche")
        _ = try cairn("add", "cluster", "--name", "Rede de Bibliotecas do Oeste", "--kind", "network")
        _ = try cairn("add", "school", "--name", "EB de A-dos-Negros")
        let joined = try cairn("join", "Agrupamento de Escolas Josefa de Óbidos", "EB de A-dos-Negros", "--from", "2024-09-01")
        #expect(joined.status == 0, "\(joined.stderr)")
        // A network overlaps with the agrupamento freely.
        #expect(try cairn("join", "Rede de Bibliotecas do Oeste", "EB de A-dos-Negros").status == 0)

        // Standard input is /dev/null here: the command answers at once, never asks.
        let refused = try cairn("join", "Agrupamento de Escolas de Peniche", "EB de A-dos-Negros")
        #expect(refused.status != 0)
        #expect(
            refused.stderr
                == "Error: EB de A-dos-Negros is already in cluster “Agrupamento de Escolas Josefa de Óbidos” (since 2024-09-01): add --move to leave it and join “Agrupamento de Escolas de Peniche” in one step, or cairn leave it first\n"
        )
        let before = try Shell.export(store.url)
        #expect(memberships(before, of: "EB de A-dos-Negros").count == 2, "nothing written")

        let moved = try cairn("join", "Agrupamento de Escolas de Peniche", "EB de A-dos-Negros", "--move", "--from", "2026-09-01")
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(
            moved.stdout
                == "EB de A-dos-Negros left “Agrupamento de Escolas Josefa de Óbidos” and joined “Agrupamento de Escolas de Peniche”\n")
        let tree = try cairn("tree")
        #expect(!tree.stdout.contains("Josefa de Óbidos (cluster)\n  · EB de A-dos-Negros"), "\(tree.stdout)")
        #expect(tree.stdout.contains("Agrupamento de Escolas de Peniche (cluster)\n  · EB de A-dos-Negros (school)"), "\(tree.stdout)")

        // One commit: the store's log shows the leave and the join under one source, and one
        // undo-able step (the journal's last commit holds both).
        let log = try cairn("log", "--json")
        let events = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]])
        let last = events.prefix(2)
        #expect(last.count == 2 && Set(last.compactMap { $0["at"] as? String }).count == 1, "\(last)")
        let left = try #require(last.first { $0["op"] as? String == "edit" })
        let fields = try #require(left["fields"] as? [String: Any])
        #expect((fields["to"] as? [String: Any])?["new"] as? String == "2026-09-01", "\(fields)")
    }

    @Test func cairn_edit_refuses_to_make_a_network_a_federation_while_one_of_its_schools_is_in_another_federation() throws {
        let store = TemporaryStore()
        func cairn(_ args: String...) throws -> Shell.Result { try Shell.cairn(args, store: store.url) }
        _ = try cairn("add", "cluster", "--name", "Tees Valley Federation", "--kind", "federation")
        _ = try cairn("add", "cluster", "--name", "Þingeyjar Reading Network", "--kind", "network")
        _ = try cairn("add", "school", "--name", "Łódź Primary 12")
        #expect(try cairn("join", "Tees Valley Federation", "Łódź Primary 12", "--from", "2024-09-01").status == 0)
        #expect(try cairn("join", "Þingeyjar Reading Network", "Łódź Primary 12").status == 0)

        let refused = try cairn("edit", "Þingeyjar Reading Network", "kind=federation")
        #expect(refused.status != 0)
        #expect(
            refused.stderr.contains(
                "Łódź Primary 12 is already in federation “Tees Valley Federation” (since 2024-09-01), and a school is in one federation at a time"
            ), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1, "one line: \(refused.stderr)")
        let tree = try cairn("tree")
        #expect(tree.stdout.contains("Þingeyjar Reading Network (network)"), "the kind stays: \(tree.stdout)")
    }

    func memberships(_ doc: [String: Any], of school: String) -> [[String: Any]] {
        let schools = doc["schools"] as? [[String: Any]] ?? []
        let id = schools.first { $0["name"] as? String == school }?["id"] as? String
        let clusters = doc["clusters"] as? [[String: Any]] ?? []
        return clusters.flatMap { ($0["members"] as? [[String: Any]] ?? []).filter { id != nil && $0["id"] as? String == id } }
    }
}
