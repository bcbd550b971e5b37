import TermUI

/// The key bindings of each screen: the only place keys are assigned. The footer shows those
/// marked for it, `?` shows them all.
enum Bindings {
    static let navigation: [KeyBinding<Command>] = [
        KeyBinding([.up, .char("k")], "↑/k", "move up", .move, footer: false),
        KeyBinding([.down, .char("j")], "↓/j", "move down", .move, footer: false),
        KeyBinding([.pageUp, .pageDown], "PgUp/PgDn", "page up / down", .move, footer: false),
        KeyBinding([.home, .end, .char("g"), .char("G")], "Home/End", "first / last", .move, footer: false),
    ]

    static func home(tab: Int, empty: Bool) -> [KeyBinding<Command>] {
        var b: [KeyBinding<Command>] = []
        if empty { b.append(KeyBinding([.char("x")], "x", "load examples", .loadExamples)) }
        b += [
            KeyBinding([.enter], "Enter", "open", .open),
            KeyBinding([.char("a")], "a", "add", .add),
            KeyBinding([.char("e")], "e", "edit", .edit),
            KeyBinding([.char("d")], "d", "del", .delete),
        ]
        if tab == 3 {
            b.append(KeyBinding([.char(" ")], "Space", "tick", .toggleDone))
            b.append(KeyBinding([.char("f")], "f", "show: all, overdue, this week, this month", .cycleFilter, footer: false))
            b.append(KeyBinding([.char("R")], "R", "show one region, the next, or all", .cycleRegion, footer: false))
        }
        if tab == 0 {
            b.append(KeyBinding([.char("s")], "s", "sort by health / name", .sort, footer: false))
            b.append(KeyBinding([.char("w")], "w", "workshop mode on the cluster", .workshop, footer: false))
        }
        b += [
            KeyBinding([.char("/")], "/", "filter", .filter),
            KeyBinding([.tab], "Tab", "tabs", .nextTab),
            KeyBinding([.backTab], "S-Tab", "previous tab", .previousTab, footer: false),
            KeyBinding([.char("1"), .char("2"), .char("3"), .char("4")], "1-4", "go to tab", .move, footer: false),
            KeyBinding([.char("u")], "u", "undo", .undo),
            KeyBinding([.char("i")], "i", "import a register", .importRegister, footer: false),
            KeyBinding([.char("?")], "?", "help", .help, essential: true),
            KeyBinding([.char("q")], "q", "quit", .quit, essential: true),
        ]
        if !empty { b.append(KeyBinding([.char("x")], "x", "load the example clusters", .loadExamples, footer: false)) }
        return b + navigation + [KeyBinding([.ctrl("c")], "Ctrl-C", "quit from anywhere", .quit, footer: false)]
    }

    static func cluster(tab: ClusterTab) -> [KeyBinding<Command>] {
        var b: [KeyBinding<Command>] = [
            KeyBinding(
                [.enter] + (tab == .gaps ? [.char("e")] : []), tab == .gaps ? "Enter" : nil,
                tab == .gaps ? "go fix" : tab == .coverage ? "sector's agencies" : "open", .open)
        ]
        if tab == .coverage {
            b.append(KeyBinding([.char("a")], "a", "add member", .add))
            b.append(KeyBinding([.char("R")], "R", "region", .cycleRegion))
        }
        if tab != .gaps && tab != .coverage {
            b += [
                KeyBinding([.char("a")], "a", "add", .add),
                KeyBinding([.char("e")], "e", "edit", .edit),
                KeyBinding([.char("d")], "d", tab == .members ? "remove" : "del", .delete),
            ]
        }
        if tab == .checkpoints { b.append(KeyBinding([.char(" ")], "Space", "tick", .toggleDone)) }
        if tab == .goals { b.append(KeyBinding([.char("m")], "m", "measure", .measure)) }
        b += [
            KeyBinding([.tab], "Tab", "switch tab", .nextTab),
            KeyBinding([.backTab], "S-Tab", "previous tab", .previousTab, footer: false),
            KeyBinding([.char("c")], "c", "edit cluster", .editCluster),
            KeyBinding([.char("M")], "M", "agreement", .agreement, footer: tab == .gaps),
            KeyBinding([.char("w")], "w", "workshop mode", .workshop, footer: false),
            KeyBinding([.char("r")], "r", "write the monitoring report", .report, footer: false),
            KeyBinding([.char("/")], "/", "filter", .filter, footer: false),
            KeyBinding([.char("u")], "u", "undo", .undo),
            KeyBinding([.char("?")], "?", "help", .help, essential: true),
            KeyBinding([.char("q"), .escape], "q", "back", .back, essential: true),
        ]
        return b + navigation + [KeyBinding([.ctrl("c")], "Ctrl-C", "quit from anywhere", .quit, footer: false)]
    }

    static func workshop(step: Int) -> [KeyBinding<Command>] {
        [
            KeyBinding([.char("a")], "a", WorkshopScreen.addLabels[step - 1], .add),
            KeyBinding([.right, .char("n"), .tab], "→/n", "next step", .nextTab),
            KeyBinding([.left, .char("p"), .backTab], "←/p", "previous step", .previousTab),
            KeyBinding([.char("1"), .char("2"), .char("3"), .char("4")], "1-4", "go to step", .move, footer: false),
            KeyBinding([.char("u")], "u", "undo", .undo, footer: false),
            KeyBinding([.char("?")], "?", "help", .help, essential: true),
            KeyBinding([.char("q"), .escape], "q", "leave", .back, essential: true),
            KeyBinding([.ctrl("c")], "Ctrl-C", "quit from anywhere", .quit, footer: false),
        ]
    }

    /// The import screen takes typed text for its path, so its keys are not letters.
    static let importing: [KeyBinding<Command>] = [
        KeyBinding([.enter], "Enter", "preview / import", .open),
        KeyBinding([.up, .down], "↑/↓", "field", .move),
        KeyBinding([.left, .right], "←/→", "column", .move),
        KeyBinding([.escape], "Esc", "leave", .back, essential: true),
        KeyBinding([.ctrl("c")], "Ctrl-C", "quit", .quit, footer: false),
    ]

    static let record: [KeyBinding<Command>] =
        [
            KeyBinding([.enter], "Enter", "open cluster", .open),
            KeyBinding([.char("e")], "e", "edit", .edit),
            KeyBinding([.char("d")], "d", "del", .delete),
            KeyBinding([.char("u")], "u", "undo", .undo),
            KeyBinding([.char("?")], "?", "help", .help, essential: true),
            KeyBinding([.char("q"), .escape], "q", "back", .back, essential: true),
        ] + navigation + [KeyBinding([.ctrl("c")], "Ctrl-C", "quit from anywhere", .quit, footer: false)]

    /// Forms and the picker take typed letters as text, so their keys are not letters.
    static let picker: [KeyBinding<Command>] = [
        KeyBinding([.enter], "Enter", "choose", .open),
        KeyBinding([.up, .down], "↑/↓", "move", .move),
        KeyBinding([.escape], "Esc", "back", .back, essential: true),
        KeyBinding([.ctrl("c")], "Ctrl-C", "quit", .quit, footer: false),
    ]

    static let form: [KeyBinding<Command>] = [
        KeyBinding([.enter], "Enter", "save", .open),
        KeyBinding([.tab, .down], "Tab/↓", "next field", .move),
        KeyBinding([.backTab, .up], "S-Tab/↑", "previous", .move),
        KeyBinding([.left, .right], "←/→", "choose", .move),
        KeyBinding([.escape], "Esc", "cancel", .back, essential: true),
        KeyBinding([.ctrl("u")], "Ctrl-U", "clear field", .move, footer: false),
        KeyBinding([.ctrl("c")], "Ctrl-C", "quit (the form is kept as a draft)", .quit, footer: false),
    ]
}
