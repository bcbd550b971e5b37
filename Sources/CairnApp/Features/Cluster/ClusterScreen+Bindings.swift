import CairnCore
import TermUI

extension ClusterScreen {
    public func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        let listKeys = list.bindings(filterInFooter: false) { Action.list($0) }
        if list.filtering { return listKeys }
        let some = selected != nil
        let assessed = !env.world.assessments(of: clusterID).isEmpty
        var b: [KeyBinding<Action>] = []
        switch tab {
        case .gaps: b.append(KeyBinding([.enter, .char("e")], "Enter", "go fix", .open, enabled: some))
        case .coverage:
            b += [
                KeyBinding([.enter], "Enter", "sector's agencies", .open, enabled: some),
                KeyBinding([.char("a")], "a", "add member", .add),
                KeyBinding([.char("R")], "R", "region", .regionCoverage),
            ]
        case .health:
            b += [
                KeyBinding([.enter], "Enter", "open", .open, enabled: assessed),
                KeyBinding([.char("a")], "a", "add", .add),
                KeyBinding([.char("e")], "e", "edit", .edit, enabled: assessed),
                KeyBinding([.char("d")], "d", "del", .delete, enabled: assessed),
            ]
        case .members, .checkpoints, .goals, .actions:
            b += [
                KeyBinding([.enter], "Enter", "open", .open, enabled: some),
                KeyBinding([.char("a")], "a", "add", .add),
                KeyBinding([.char("e")], "e", "edit", .edit, enabled: some),
                KeyBinding([.char("d")], "d", tab == .members ? "remove" : "del", .delete, enabled: some),
            ]
        }
        if tab == .checkpoints { b.append(KeyBinding([.char(" ")], "Space", "tick", .tick, enabled: some)) }
        if tab == .goals { b.append(KeyBinding([.char("m")], "m", "measure", .measure, enabled: some)) }
        b += [
            KeyBinding([.tab], "Tab", "switch tab", .nextTab),
            KeyBinding([.backTab], "S-Tab", "previous tab", .previousTab, footer: false),
            KeyBinding([.char("c")], "c", "edit cluster", .editCluster),
            KeyBinding([.char("M")], "M", "agreement", .agreement, footer: tab == .gaps),
            KeyBinding([.char("w")], "w", "workshop mode", .workshop, footer: false),
            KeyBinding([.char("r")], "r", "write the monitoring report", .report, footer: false),
        ]
        // Esc clears a kept filter before it goes back.
        b += listKeys.prefix(2)
        b += [
            KeyBinding([.char("u")], "u", "undo", .undo),
            KeyBinding([.char("?")], "?", "help", .help, essential: true),
            KeyBinding([.char("q"), .escape], "q", "back", .back, essential: true),
        ]
        return b + listKeys.dropFirst(2)
    }

    public func typed(_ key: Key) -> Action? { list.typed(key).map(Action.list) }
}
