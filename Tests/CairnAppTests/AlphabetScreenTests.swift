import CairnCore
import CairnWords
import Testing

@testable import CairnApp

/// Lists on screen sort names in the alphabet of the language spoken: a Polish reader finds
/// Łódź after Lublin, an Icelandic one Þingeyjarskóli after Z; English keeps the one order.
@Suite struct AlphabetScreenTests {
    static func world() -> World {
        var w = World()
        let names = ["Łódzka Szkoła", "Lubelska Szkoła", "Mławska Szkoła", "Þingeyjarskóli", "Zontaskóli", "Álftanesskóli", "Austurskóli"]
        w.apply(names.enumerated().map { n, name in .put(.school(School(id: "sch-\(n)", name: name, phases: [.primary]))) })
        return w
    }

    /// The names in the order the schools' tab draws them, top to bottom.
    static func drawn(_ code: String, sortedByName: Bool = false) throws -> [String] {
        try Words.speaking(Language(code)) {
            var app = Fixture.app(world())
            app.press(.char("2"))
            if sortedByName { app.press(.char("o")) }
            let text = app.render().text
            let names = world().schools.values.map(\.name)
            return text.split(separator: "\n").compactMap { line in names.first { line.contains($0) } }
        }
    }

    @Test func polish_lists_l_stroke_after_l() throws {
        let order = try Self.drawn("pl")
        #expect(order.firstIndex(of: "Lubelska Szkoła")! < order.firstIndex(of: "Łódzka Szkoła")!, "\(order)")
        #expect(order.firstIndex(of: "Łódzka Szkoła")! < order.firstIndex(of: "Mławska Szkoła")!, "\(order)")
    }

    @Test func icelandic_lists_thorn_after_z_and_a_acute_after_a() throws {
        let order = try Self.drawn("is")
        #expect(Array(order.suffix(2)) == ["Zontaskóli", "Þingeyjarskóli"], "\(order)")
        #expect(order.firstIndex(of: "Austurskóli")! < order.firstIndex(of: "Álftanesskóli")!, "\(order)")
    }

    @Test func sorting_a_column_with_o_follows_the_alphabet_too() throws {
        let order = try Self.drawn("is", sortedByName: true)
        #expect(order.last == "Þingeyjarskóli", "\(order)")
    }

    @Test func english_keeps_the_one_order_of_exports() throws {
        let order = try Self.drawn("en")
        let one = NameOrder.sorted(Self.world().schools.values.map(\.name), by: { $0 })
        #expect(order == one)
        #expect(order.firstIndex(of: "Łódzka Szkoła")! < order.firstIndex(of: "Lubelska Szkoła")!)
    }

    @Test func the_member_picker_lists_in_the_alphabet_too() throws {
        var w = Self.world()
        w.apply([.put(.cluster(Cluster(id: "clu-1", name: "Sieć Bałuty", kind: .network)))])
        let names = w.schools.values.map(\.name)
        let order = try Words.speaking(Language("pl")) {
            var app = Fixture.app(w)
            app.press(.enter, .char("a"))
            _ = try app.topScreen(PickerScreen.self)
            return app.render().text.split(separator: "\n").compactMap { line in names.first { line.contains($0) } }
        }
        #expect(order.firstIndex(of: "Lubelska Szkoła")! < order.firstIndex(of: "Łódzka Szkoła")!, "\(order)")
        #expect(order.firstIndex(of: "Łódzka Szkoła")! < order.firstIndex(of: "Mławska Szkoła")!, "\(order)")
    }
}
