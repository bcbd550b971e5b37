import Foundation
import Testing

/// Two officers on one store, each in a terminal of their own: the built binary twice in tmux.
@Suite(.serialized) struct TwoSessionsTests {
    /// A store with one school, and two sessions with its edit form open.
    func twoFormsOpen(_ store: TemporaryStore) throws -> (Tmux, Tmux) {
        let added = try Shell.cairn(["add", "school", "--name", "Escola Básica de São João", "--municipality", "Lisboa"], store: store.url)
        #expect(added.status == 0, "\(added.stderr)")
        let a = try Tmux.cairn(store: store.url)
        let b = try Tmux.cairn(store: store.url)
        for session in [a, b] {
            try session.send("2")
            try session.waitFor("Escola Básica de São João")
            try session.send("e")
            try session.waitFor("Edit school")
        }
        return (a, b)
    }

    /// Moves to the form's `n`th field (0: name), clears it and types `text`.
    func set(_ session: Tmux, field n: Int, to text: String) throws {
        for _ in 0..<n { try session.send("Tab") }
        try session.send("C-u")
        try session.type(text)
    }

    @Test func different_fields_saved_from_two_stale_forms_both_survive() throws {
        let store = TemporaryStore()
        let (a, b) = try twoFormsOpen(store)
        try set(b, field: 6, to: "219 999 999")
        try b.send("Enter")
        try b.waitFor("Saved school “Escola Básica de São João”")
        try set(a, field: 3, to: "Loures")
        try a.send("Enter")
        try a.waitFor("Saved school “Escola Básica de São João”")
        let school = try #require((try Shell.export(store.url)["schools"] as? [[String: Any]])?.first)
        #expect(school["phone"] as? String == "219 999 999")
        #expect(school["municipality"] as? String == "Loures")
        #expect(try Shell.cairn(["conflicts"], store: store.url).stdout.contains("no conflicts"))
    }

    @Test func the_same_field_is_a_conflict_both_are_told_and_enter_on_conflicts_resolves_it() throws {
        let store = TemporaryStore()
        let (a, b) = try twoFormsOpen(store)
        try set(a, field: 3, to: "Loures")
        try a.send("Enter")
        try a.waitFor("Saved school “Escola Básica de São João”")
        try set(b, field: 3, to: "Sintra")
        try b.send("Enter")
        // Ben's stands, and he hears that Ana had changed it; Ana hears that hers did not stand.
        try b.waitFor("Saved over a change: root had set municipality to “Loures”")
        try a.waitFor("Yours replaced: root set municipality to “Sintra”")
        try a.waitFor("1 conflict (C on Home)")
        let listed = try Shell.cairn(["conflicts", "--json"], store: store.url)
        #expect(listed.status == 0, "\(listed.stderr)")
        let conflicts = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(conflicts.count == 1)
        let c = try #require(conflicts.first)
        #expect(c["field"] as? String == "municipality")
        #expect(c["kind"] as? String == "school")
        #expect((c["record"] as? String)?.hasPrefix("sch-") == true)
        #expect((c["kept"] as? [String: Any])?["value"] as? String == "Sintra")
        #expect(((c["others"] as? [[String: Any]])?.first)?["value"] as? String == "Loures")
        #expect(((c["kept"] as? [String: Any])?["at"] as? String)?.hasSuffix("Z") == true)
        // Ana chooses her value on the Conflicts screen.
        try a.send("C")
        try a.waitFor("Fields two people set")
        try a.send("j")
        try a.send("Enter")
        try a.waitFor("No conflicts")
        try b.waitUntil("Ben's title bar without the conflict") { !$0.contains("conflict (C on Home)") }
        let after = try Shell.cairn(["conflicts", "--json"], store: store.url)
        #expect(after.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || after.stdout.contains("[]"))
        let school = try #require((try Shell.export(store.url)["schools"] as? [[String: Any]])?.first)
        #expect(school["municipality"] as? String == "Loures")
        #expect(try Shell.cairn(["check"], store: store.url).status == 0)
    }

    @Test func a_school_deleted_under_an_open_form_is_said_and_never_comes_back_under_a_new_id() throws {
        let store = TemporaryStore()
        let (a, b) = try twoFormsOpen(store)
        try set(a, field: 6, to: "219 999 999")
        try b.send("Escape")
        try b.waitFor("Schools (1)")
        try b.send("d")
        try b.waitFor("(y/n)")
        try b.send("y")
        try b.waitFor("Schools (0)")
        try a.waitFor("was deleted by")
        try a.send("Enter")
        try a.waitFor("Not saved:")
        #expect(
            try Shell.export(store.url)["schools"] as? [[String: Any]] == nil
                || (try Shell.export(store.url)["schools"] as? [Any])?.isEmpty == true)
        #expect(try a.screen().contains("219 999 999"))
    }
}
