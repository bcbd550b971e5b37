/// A screen with a list per tab (Home, a cluster): the list of the tab on show, and its row.
protocol TabbedLists {
    var lists: [ListModel] { get set }
    var tabIndex: Int { get }
}

extension TabbedLists {
    var list: ListModel {
        get { lists[tabIndex] }
        set { lists[tabIndex] = newValue }
    }

    /// The id of the selected row of the list on show.
    var selected: String? { list.selectedRow?.id }
}
