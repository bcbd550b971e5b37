import CairnWords
import TermUI

/// A list whose letters are its filter and whose Enter chooses a row: the member picker, the
/// school a link goes to, the examples to start from. Their keys and their list's handling,
/// written once.
enum TypeToPick {
    /// Enter chooses; Esc clears what was typed, then goes back.
    static func bindings<A>(_ list: ListModel, choose: A, back: A, clear: A, chooseLabel: String? = nil) -> [KeyBinding<A>] {
        [
            KeyBinding([.enter], "Enter", chooseLabel ?? Words.say("choose", context: "key"), choose, enabled: list.selectedRow != nil),
            KeyBinding(
                [.escape], "Esc", list.filter.text.isEmpty ? Words.say("back") : Words.say("clear the filter"),
                list.filter.text.isEmpty ? back : clear, essential: true),
        ]
    }

    /// Letters are the filter's; `?` shows the keys while nothing is typed.
    static func shared<A>(_ list: ListModel, help: A) -> SharedKeys<A> {
        SharedKeys(help: list.filter.text.isEmpty ? help : nil, helpInFooter: false)
    }

    /// The arrows move; letters do not.
    static func trailing<A>(_ wrap: (ListAction) -> A) -> [KeyBinding<A>] {
        ListMove.allCases.map { KeyBinding($0.arrowKeys, nil, $0.said, wrap(.move($0)), footer: false) }
    }
}

extension ListModel {
    /// A list action on a type-to-pick list: the filter stays open whatever moves.
    mutating func pick(_ action: ListAction, visibleRows: Int) {
        if case .clearFilter = action {
            filter = TextField()
            applyFilter()
            cursor.scroll(visibleRows: visibleRows, count: visible.count)
            return
        }
        apply(action, visibleRows: visibleRows)
        filtering = true
    }
}
