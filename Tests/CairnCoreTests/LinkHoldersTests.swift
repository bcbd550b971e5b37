import Testing

@testable import CairnCore

/// The index of who links to what, built by one delete, must not miss a link set after it.
@Suite struct LinkHoldersTests {
    @Test func a_link_set_after_a_delete_built_the_index_is_still_cleared_by_the_next_delete() throws {
        var w = World()
        w.apply(.put(.cluster(Cluster(id: "clu-1", name: "Rede de Óbidos"))))
        for m in ["mem-1", "mem-2"] {
            w.apply(.put(.membership(Membership(id: m, cluster: "clu-1", memberType: .school, memberId: "sch-\(m)"))))
        }
        w.apply(.put(.goal(Goal(id: "gol-1", cluster: "clu-1", statement: "Menos abandono", indicator: "", owner: "mem-1"))))
        let ana = Conflict.Side(value: .null, by: "ana", at: "2026-12-01T10:00:00.000Z")
        _ = try w.fold(.delete(.membership, id: "mem-1"), by: ana)
        #expect(w.goals["gol-1"]?.owner == nil)
        #expect(w.linkHolders.isBuilt)

        let ben = Conflict.Side(value: .null, by: "ben", at: "2026-12-01T10:01:00.000Z")
        _ = try w.fold(.edit(Edit(kind: .goal, id: "gol-1", fields: [FieldEdit("owner", old: .null, new: .string("mem-2"))])), by: ben)
        #expect(w.goals["gol-1"]?.owner == "mem-2")
        _ = try w.fold(.delete(.membership, id: "mem-2"), by: ana)
        #expect(w.goals["gol-1"]?.owner == nil, "the owner set after the index was built is cleared too")
        #expect(w.danglingReferences().isEmpty)
    }
}
