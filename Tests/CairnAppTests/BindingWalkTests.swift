import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// Every screen's keys go through its bindings: each binding help lists fires on its keys,
/// no two claim one key, and a key no binding lists does nothing (typing into a field aside).
@Suite struct BindingWalkTests {
    /// The keys a person can press, letters and controls alike.
    static let universe: [Key] =
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~é".map { Key.char($0) }
        + [.enter, .tab, .backTab, .escape, .backspace, .delete, .up, .down, .left, .right, .pageUp, .pageDown, .home, .end]
        + (1...12).map { Key.function($0) } + "abdefghklnpuvwxyz".map { Key.ctrl($0) }

    /// Keys that edit text, the only ones a screen may take without a binding.
    static func isTextEditing(_ key: Key) -> Bool {
        switch key {
        case .char, .backspace, .delete, .left, .right, .home, .end, .ctrl("a"), .ctrl("e"), .ctrl("u"): return true
        default: return false
        }
    }

    /// One state of every screen and tab, reached by keys from Home.
    static func states() -> [(String, AppState)] {
        var out: [(String, AppState)] = []
        func reach(_ name: String, _ keys: [Key], _ start: AppState = Fixture.app()) {
            var app = start
            for key in keys { app.press(key) }
            out.append((name, app))
        }
        for (i, tab) in ["clusters", "schools", "agencies", "checkpoints"].enumerated() {
            reach("home \(tab)", [.char(Character("\(i + 1)"))])
        }
        reach("home filtering", [.char("2"), .char("/"), .char("o")])
        reach("home filter kept", [.char("2"), .char("/"), .char("o"), .enter])
        reach("home, empty store", [], Fixture.app(World()))
        for tab in ClusterTab.allCases {
            reach("cluster \(tab.title)", [.enter] + Array(repeating: Key.tab, count: tab.rawValue))
        }
        reach("school", [.char("2"), .enter])
        reach("agency", [.char("3"), .enter])
        reach("school on a link row", [.char("2"), .enter, .char("j")], Fixture.app(LinkFormTests.linked()))
        reach("link picker", [.char("2"), .enter, .char("l")])
        reach("link picker with text", [.char("2"), .enter, .char("l"), .char("i")])
        reach("link form", [.char("2"), .enter, .char("l"), .enter])
        reach("link form on a succession", [.char("2"), .enter, .char("l"), .enter, .char("s"), .tab])
        reach("editing a link", [.char("2"), .enter, .char("j"), .char("e")], Fixture.app(LinkFormTests.linked()))
        reach("form on a text field", [.char("a")])
        reach("form on a text field with text", [.char("a"), .char("X")])
        reach("form on a choice", [.char("a"), .tab, .tab])
        reach("form on phases", [.char("2"), .char("e"), .tab, .tab])
        reach("form on a flag", [.enter, .char("e"), .tab, .tab])
        reach("home schools marked", [.char("2"), .char("*")])
        reach("cluster members marked", [.enter, .char("*")])
        reach("join picker", [.char("2"), .char("*"), .char("J")])
        reach("join picker with text", [.char("2"), .char("J"), .char("p")])
        reach("picker", [.enter, .char("a")])
        reach("picker with text", [.enter, .char("a"), .char("l")])
        reach("workshop", [.char("w")])
        reach("import, path", [.char("i")])
        reach("confirm", [.char("2"), .char("d")])
        reach("evidence prompt", [.char("4"), .char(" ")])
        reach("help", [.char("?")])
        reach("language picker", [.char("T")])
        return out
    }

    @Test func each_listed_binding_fires_on_its_keys_and_no_two_claim_one_key() {
        for (name, app) in Self.states() {
            let listed = Self.bindings(of: app.top.screen, app.env)
            for binding in listed where binding.enabled && !binding.anyKey {
                for key in binding.keys {
                    let first = listed.first { $0.enabled && ($0.anyKey || $0.keys.contains(key)) }
                    #expect(
                        first?.label == binding.label && first?.help == binding.help,
                        "\(name): \(key) is claimed by \(first?.help ?? "-") before \(binding.help)")
                    var pressed = app
                    let handled = pressed.handles(key)
                    #expect(handled, "\(name): \(key) (\(binding.help)) did nothing")
                }
            }
        }
    }

    @Test func a_key_no_binding_lists_does_nothing_unless_it_types_into_a_field() {
        for (name, app) in Self.states() {
            let listed = Self.bindings(of: app.top.screen, app.env)
            for key in Self.universe where !listed.contains(where: { $0.enabled && ($0.anyKey || $0.keys.contains(key)) }) {
                if Self.types(app.top.screen, key) {
                    #expect(Self.isTextEditing(key), "\(name): \(key) acts as typed text")
                    continue
                }
                var after = app
                let effects = after.press(key)
                #expect(effects.isEmpty && after == app, "\(name): \(key) acts without being listed")
            }
        }
    }

    @Test func every_binding_of_every_screen_is_in_its_help_page() {
        for (name, var app) in Self.states() where !(app.top.screen is HelpScreen) {
            let listed = Self.bindings(of: app.top.screen, app.env)
            let typesIt = Self.types(app.top.screen, .char("?"))
            app.press(.char("?"))
            guard let help = app.top.screen as? HelpScreen else {
                // `?` is text here (a form's filled field, the picker's typed filter).
                #expect(typesIt, "\(name): ? neither shows help nor types")
                continue
            }
            let helps = Set(help.lines.map(\.help))
            for b in listed {
                #expect(helps.contains(b.enabled ? b.help : b.help + " (not now)"), "\(name): help lacks \(b.help)")
            }
        }
    }

    @Test func the_same_keys_on_the_same_state_give_equal_effects_and_equal_states() {
        // Open a cluster, the picker, type a new school's name, create it, save its role.
        let keys: [Key] = [.enter, .char("a"), .char("Ł"), .char("ó"), .char("d"), .char("ź"), .enter, .enter]
        var a = Fixture.app()
        var b = Fixture.app()
        let ea = keys.flatMap { a.press($0) }
        let eb = keys.flatMap { b.press($0) }
        #expect(ea == eb)
        #expect(a == b)
        #expect(ea.hasCommit)
    }

    /// A screen's bindings, type-erased for the walk.
    static func bindings(of screen: some Screen, _ env: AppEnvironment) -> [Listed] {
        screen.allBindings(env).map { Listed(keys: $0.keys, label: $0.label, help: $0.help, enabled: $0.enabled, anyKey: $0.anyKey) }
    }

    static func types(_ screen: some Screen, _ key: Key) -> Bool { screen.typed(key) != nil }

    struct Listed {
        var keys: [Key]
        var label: String
        var help: String
        var enabled: Bool
        var anyKey: Bool
    }
}

extension AppState {
    /// True when the key reaches an action of the top screen.
    mutating func handles(_ key: Key) -> Bool {
        if key == .ctrl("c") { return true }
        var box = top
        var context = ScreenContext(env: env, id: box.id)
        return box.screen.handle(key, &context) != nil
    }
}
