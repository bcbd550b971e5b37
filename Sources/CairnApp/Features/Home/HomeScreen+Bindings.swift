import CairnCore
import TermUI

extension HomeScreen {
    public func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        let listKeys = list.bindings { Action.list($0) }
        if list.filtering { return listKeys }
        let empty = env.world.isEmpty
        let some = selected != nil
        var b: [KeyBinding<Action>] = []
        if empty { b.append(KeyBinding([.char("x")], "x", "load examples", .loadExamples)) }
        b += [
            KeyBinding([.enter], "Enter", "open", .open, enabled: some),
            KeyBinding([.char("a")], "a", "add", .add),
            KeyBinding([.char("e")], "e", "edit", .edit, enabled: some),
            KeyBinding([.char("d")], "d", "del", .delete, enabled: some),
        ]
        if tab == .checkpoints {
            b.append(KeyBinding([.char(" ")], "Space", "tick", .tick, enabled: some))
            b.append(KeyBinding([.char("f")], "f", "show: all, overdue, this week, this month", .cycleCheckpointFilter, footer: false))
            b.append(KeyBinding([.char("R")], "R", "show one region, the next, or all", .cycleRegion, footer: false))
        }
        if tab == .clusters {
            b.append(KeyBinding([.char("s")], "s", "sort by health / name", .sortByHealth, footer: false))
            b.append(KeyBinding([.char("w")], "w", "workshop mode on the cluster", .workshop, footer: false, enabled: some))
        }
        b += listKeys.prefix(1)  // `/`
        b += [
            KeyBinding([.tab], "Tab", "tabs", .nextTab),
            KeyBinding([.backTab], "S-Tab", "previous tab", .previousTab, footer: false),
            KeyBinding([.char("1"), .char("2"), .char("3"), .char("4")], "1-4", "go to tab", footer: false) { key in
                if case .char(let c) = key, let n = c.wholeNumberValue, let t = Tab(rawValue: n - 1) { return .goToTab(t) }
                return .goToTab(.clusters)
            },
            KeyBinding([.char("u")], "u", "undo", .undo),
            KeyBinding([.char("i")], "i", "import a register", .importRegister, footer: false),
            KeyBinding([.char("?")], "?", "help", .help, essential: true),
            KeyBinding([.char("q")], "q", "quit", .quit, essential: true),
        ]
        if !empty { b.append(KeyBinding([.char("x")], "x", "load the example clusters", .loadExamples, footer: false)) }
        return b + listKeys.dropFirst()
    }

    public func typed(_ key: Key) -> Action? { list.typed(key).map(Action.list) }
}
