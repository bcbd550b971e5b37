import CairnCore
import CairnWords
import TermUI

/// Home: four tabs of lists, the whole store at a glance.
public struct HomeScreen: Screen, TabbedLists {
    public enum Tab: Int, CaseIterable, Sendable {
        case clusters, schools, agencies, checkpoints
        /// Its title in the session's language.
        var title: String {
            switch self {
            case .clusters: return Words.say("Clusters")
            case .schools: return Words.say("Schools")
            case .agencies: return Words.say("Agencies")
            case .checkpoints: return Words.say("Checkpoints")
            }
        }
        /// The name its CSV file takes, the same in every language.
        var fileName: String { ["clusters", "schools", "agencies", "checkpoints"][rawValue] }
        /// The word a tab bar too narrow for the whole one shows, as the cluster's tabs do.
        var shortestTitle: String {
            switch self {
            case .clusters: return Words.say("Clu", context: "abbreviation")
            case .schools: return Words.say("Sch", context: "abbreviation")
            case .agencies: return Words.say("Agy", context: "abbreviation")
            case .checkpoints: return Words.say("Chk", context: "abbreviation")
            }
        }
        var kind: RecordKind { [RecordKind.cluster, .school, .agency, .checkpoint][rawValue] }
    }

    public enum Action: Sendable, Equatable {
        case list(ListAction)
        case nextTab, previousTab
        case goToTab(Tab)
        case open, add, edit, delete, tick, history
        case cycleCheckpointFilter, cycleRegion, sortByHealth, workshop, importRegister, loadExamples
        /// `t` on Clusters: the tree of groupings, or the flat list again; ← and → fold and unfold it.
        case toggleTree, fold, unfold
        /// `W`: the marked rows of the tab, or its filtered view, written to CSV beside the reports.
        case writeCSV
        /// `J`: the marked schools, agencies or clusters (or the selected one) join a cluster.
        case join
        case undo, help, quit, conflicts, sync, sinceLastOpen, calendar
        /// `T`: a picker of the languages Cairn speaks, for the rest of the session.
        case chooseLanguage
    }

    public var tab = Tab.clusters
    /// A list per tab, and the tree's (`treeList`) last.
    public var lists = [ListModel](repeating: ListModel(), count: Tab.allCases.count + 1)
    /// The Clusters tab sorted weakest first (`s`), else by name.
    public var sortByHealth = false
    /// What the Checkpoints tab shows (`f` cycles the time, `R` the region).
    public var checkpointFilter = CheckpointFilter.all
    public var region: String?
    /// Overdue checkpoints in the whole store, counted when the Checkpoints tab is rebuilt.
    public var overdueCount = 0
    /// What the Clusters tab's rows were last built from: a first look and the whole world
    /// read from the same snapshot give the same rows, built once.
    var clustersBuiltFrom: ClustersSource?

    struct ClustersSource: Equatable {
        var look: FirstLook
        var today: Day
        var language: Language
    }

    /// The Clusters tab shows the tree of groupings (`t`), for as long as the session lasts.
    public var showsTree = false
    /// The tree's rows that are folded (a grouping under two others folds under each alone).
    public var folded: Set<String> = []
    /// Built once per change of the world; folding and filtering only choose among its rows.
    var groupingTree: GroupingTree?
    /// What the tree's list was last laid out from, so that it is laid out again only when that changes.
    var treeLayout: TreeLayout?
    /// Some cluster groups others: `t` then takes Tab's place in the footer (the tab bar shows the tabs).
    public var storeHasGroupings = false
    var groupingsCheckedFrom: String?

    public init() {}

    /// The list on show: the tab's, or on Clusters the tree's when it is shown.
    var tabIndex: Int { showingTree ? Self.treeList : tab.rawValue }
    static let treeList = Tab.allCases.count
    var showingTree: Bool { tab == .clusters && showsTree }
    public var filteredList: ListModel? { list }

    /// Rows of the list on screen: the body less the tab bar and the header (and the legend
    /// under the checkpoints), so the selected row is never drawn under anything.
    func visibleRows(_ env: AppEnvironment) -> Int {
        max(1, env.bodyHeight - 2 - legendLines(width: env.width).count)
    }

    public func crumb(_ env: AppEnvironment) -> String { Words.say("Home") }
    public var minimumSize: TerminalSize { .projector }

    public mutating func update(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        let env = context.env
        switch action {
        case .list(let a):
            let chosen = selected
            list.apply(a, visibleRows: visibleRows(env))
            // A filter cleared in the tree: the match chosen stays selected in the outline.
            if showingTree, list.filter.text.isEmpty, treeLayout?.paths == true { refreshTree(env, keeping: chosen) }
        case .nextTab: tab = Tab(rawValue: (tab.rawValue + 1) % Tab.allCases.count)!
        case .previousTab: tab = Tab(rawValue: (tab.rawValue + Tab.allCases.count - 1) % Tab.allCases.count)!
        case .goToTab(let t): tab = t
        case .open: return open(env)
        case .add: return add(env)
        case .edit: return selectedRecord.flatMap { RecordDoors.editor(tab.kind, id: $0, env) }.map { [$0] } ?? []
        case .delete:
            return selectedRecord.flatMap { RecordDoors.confirmDelete(tab.kind, id: $0, env, asker: context.id) }.map { [$0] } ?? []
        case .tick:
            if !list.marked.isEmpty { return [RecordDoors.tickMarked(list.markedIDs, env)] }
            if let id = selected, env.world.checkpoints[id]?.isDone == false { list.holdPlace = id }
            return RecordDoors.tickOrReopen(selected, env, asker: context.id).map { [$0] } ?? []
        case .history: return RecordDoors.history(tab.kind, id: selectedRecord, env, asker: context.id).map { [$0] } ?? []
        case .toggleTree: return toggleTree(env)
        case .fold: fold(env)
        case .unfold: unfold(env)
        case .cycleCheckpointFilter:
            checkpointFilter = checkpointFilter.next
            lists[Tab.checkpoints.rawValue].builtFrom = nil
        case .cycleRegion:
            let regions = NameOrder.shown(Set(env.world.clusters.values.map(\.region).filter { !$0.isEmpty }), by: { $0 })
            if let current = region, let i = regions.firstIndex(of: current), i + 1 < regions.count {
                region = regions[i + 1]
            } else {
                region = region == nil ? regions.first : nil
            }
            lists[Tab.checkpoints.rawValue].builtFrom = nil
        case .sortByHealth:
            sortByHealth.toggle()
            lists[Tab.clusters.rawValue].builtFrom = nil
            groupingTree = nil
            return [
                .say(
                    Status(
                        sortByHealth
                            ? Words.say("Clusters sorted by health, weakest first (s sorts by name)") : Words.say("Clusters sorted by name")
                    ))
            ]
        case .workshop:
            guard let id = selectedRecord, tab == .clusters else { return [] }
            return [.push(ScreenBox(WorkshopScreen(clusterID: id)))]
        case .writeCSV:
            let columns = [Rows.clusterColumns, Rows.schoolColumns, Rows.agencyColumns, Rows.checkpointColumns][tab.rawValue]
            return [.writeListCSV(list.written(columns, name: tab.fileName))]
        case .join:
            let ids = list.marked.isEmpty ? selected.map { [$0] } ?? [] : list.markedIDs
            guard !ids.isEmpty else { return [] }
            return [.push(ScreenBox(JoinPickerScreen(members: ids)))]
        case .importRegister: return [.push(ScreenBox(ImportScreen()))]
        case .conflicts: return [.push(ScreenBox(ConflictsScreen()))]
        case .sync: return [.sync]
        case .calendar: return [.writeCalendar(cluster: nil, replyTo: context.id)]
        case .sinceLastOpen:
            return RecordDoors.changesSinceLastOpen(env, asker: context.id).map { [.say(Status(Words.say("Reading the changes…"))), $0] }
                ?? []
        case .loadExamples:
            if env.world.isEmpty { return [.say(Status(Words.say("Loading the example clusters…"))), .readExamples(replyTo: context.id)] }
            let hub = env.syncLine == nil ? "" : " " + Words.say("They reach the shared hub at the next sync.")
            let question = ConfirmScreen(
                question: Words.count(
                    "This store already holds {count} cluster. Add the example clusters beside it?{hub} (y/n)",
                    "This store already holds {count} clusters. Add the example clusters beside them?{hub} (y/n)", env.world.clusters.count,
                    ["hub": hub]),
                deed: .readExamples, asker: context.id)
            return [.push(ScreenBox(question))]
        case .chooseLanguage: return [.push(ScreenBox(LanguagePickerScreen(current: env.language)))]
        case .undo: return [.undoLast(replyTo: context.id)]
        case .help: return [help(Words.say("Home"), env)]
        case .quit: return [.quit]
        }
        // The stack refreshes every screen after each action (`AppState.send`): rows are built there.
        return []
    }

    private func open(_ env: AppEnvironment) -> [Effect] {
        guard let id = selectedRecord else { return [] }
        switch tab {
        case .clusters: return [.push(ScreenBox(ClusterScreen(clusterID: id)))]
        case .schools: return [.push(ScreenBox(RecordScreen(type: .school, id: id)))]
        case .agencies: return [.push(ScreenBox(RecordScreen(type: .agency, id: id)))]
        case .checkpoints: return [.push(ScreenBox(CheckpointScreen(id: id)))]
        }
    }

    private func add(_ env: AppEnvironment) -> [Effect] {
        switch tab {
        case .clusters: return [RecordDoors.open(RecordForms.cluster(nil))]
        case .schools: return [RecordDoors.open(RecordForms.school(nil))]
        case .agencies: return [RecordDoors.open(RecordForms.agency(nil))]
        case .checkpoints:
            // From Home no cluster is open: start from the selected checkpoint's cluster and let the form ask.
            let start =
                selected.flatMap { env.world.checkpoints[$0]?.cluster } ?? NameOrder.shown(env.world.clusters.values, by: \.name).first?.id
            guard let start else {
                return [.say(Status(Words.say("Add a cluster first: checkpoints belong to a cluster"), isError: true))]
            }
            return [RecordDoors.open(RecordForms.checkpoint(nil, cluster: start, world: env.world, chooseCluster: true))]
        }
    }

    public mutating func receive(_ event: ScreenEvent, _ context: inout ScreenContext) -> [Effect] {
        switch event {
        case .examplesRead(let changes):
            guard !changes.isEmpty else {
                return [.say(Status(Words.say("Examples not loaded: they are already in this store"), isError: true))]
            }
            let count = changes.filter { $0.kind == .cluster }.count
            do {
                let load = DomainOperation.carry(
                    changes, summary: Words.count("Loaded {count} example cluster", "Loaded {count} example clusters", count))
                let outcome = try context.env.world.perform(load, by: context.env.author)
                return [.commit(load, preview: outcome, replyTo: context.id, undoable: true)]
            } catch {
                return [.say(Status(Words.say("Examples not loaded: {reason}", ["reason": error.message]), isError: true))]
            }
        case .examplesFailed(let message):
            return [.say(Status(Words.say("Examples not loaded: {reason}", ["reason": message]), isError: true))]
        case .committed(let outcome, _):
            // Marked rows joined to a cluster: the marks have done their work.
            list.unmarkJoined(by: outcome) { $0 }
            // After an add, the new record is the one selected.
            refresh(context.env)
            let added = outcome.changes.compactMap { change -> String? in
                if case .put(let r) = change, r.kind == tab.kind, context.env.world.record(r.kind, id: r.id) != nil { return r.id }
                return nil
            }
            if added.count == 1 { select(record: added[0]) }
            list.cursor.scroll(visibleRows: visibleRows(context.env), count: list.visible.count)
            return []
        case .calendarWritten(let path, let items): return [.say(Status(CalendarWords.saved(path: path, items: items)))]
        case .reportFailed(let message): return [.say(Status(Words.say("Not written: {reason}", ["reason": message]), isError: true))]
        case .commitFailed, .reportWritten, .importPreviewed, .importFailed, .importProgress, .importWritten, .inspirationRead: return []
        }
    }

    public mutating func refresh(_ env: AppEnvironment) {
        let w = env.world
        if groupingsCheckedFrom != env.listSource {
            storeHasGroupings = env.firstLook == nil && w.hasGroupings
            groupingsCheckedFrom = env.listSource
        }
        let today = env.today
        let rows = visibleRows(env)
        let byHealth = sortByHealth
        let first = env.firstLook
        switch tab {
        case .clusters where showsTree: refreshTree(env)
        case .clusters:
            if list.builtFrom != env.listSource {
                let source = ClustersSource(look: first ?? env.worldLook ?? w.firstLook, today: today, language: env.language)
                // The world read whole after a first frame drawn from its snapshot's look: the
                // rows that look gave (a sort by health asked meanwhile emptied `builtFrom`).
                if list.builtFrom != nil, clustersBuiltFrom == source { list.builtFrom = env.listSource }
                clustersBuiltFrom = source
            }
            let look = clustersBuiltFrom?.look ?? first ?? w.firstLook
            if byHealth {
                list.rebuild(from: env.listSource, visibleRows: rows) { Rows.clusters(look, today: today, byHealth: true) }
            } else {
                list.rebuild(from: env.listSource, visibleRows: rows, lazily: { Rows.clustersLazily(look, today: today) })
            }
        case .schools: list.rebuild(from: env.listSource, visibleRows: rows, lazily: { Rows.schoolsShownLazily(w) })
        case .agencies: list.rebuild(from: env.listSource, visibleRows: rows, lazily: { Rows.agenciesShownLazily(w) })
        case .checkpoints:
            let (filter, region) = (checkpointFilter, region)
            if list.rebuild(from: env.listSource, visibleRows: rows, { Rows.checkpoints(w, today: today, filter: filter, region: region) })
            {
                overdueCount = w.checkpoints.values.reduce(0) { $0 + ($1.isOverdue(on: today) ? 1 : 0) }
                list.unmarkWhenAll { w.checkpoints[$0]?.isDone == true }
            }
        }
    }
}

/// The keys: what Space, Enter and every letter do here.
extension HomeScreen {
    public func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        let listKeys = list.bindings(batch: !showingTree) { Action.list($0) }
        if list.filtering { return listKeys }
        let empty = env.storeIsEmpty
        let some = selected != nil
        var b: [KeyBinding<Action>] = []
        if empty { b.append(KeyBinding([.char("x")], "x", Words.say("load examples"), .loadExamples)) }
        b += [
            KeyBinding([.enter], "Enter", Words.say("open"), .open, enabled: some),
            KeyBinding([.char("a")], "a", Words.say("add"), .add),
            KeyBinding([.char("e")], "e", Words.say("edit"), .edit, enabled: some),
            KeyBinding([.char("d")], "d", Words.say("del"), .delete, enabled: some),
            KeyBinding([.char("h")], "h", Words.say("history"), .history, footer: false, enabled: some),
        ]
        if tab == .checkpoints {
            b.append(
                KeyBinding([.char(" ")], "Space", list.marked.isEmpty ? Words.say("tick") : Words.say("tick marked"), .tick, enabled: some))
            b.append(
                KeyBinding([.char("f")], "f", Words.say("show: all, overdue, this week, this month"), .cycleCheckpointFilter, footer: false)
            )
            b.append(KeyBinding([.char("R")], "R", Words.say("show one region, the next, or all"), .cycleRegion, footer: false))
        }
        if tab == .clusters {
            b.append(KeyBinding([.char("t")], "t", showsTree ? Words.say("flat") : Words.say("tree"), .toggleTree, footer: treeInFooter))
            if showsTree {
                b.append(
                    KeyBinding([.left, .right], "←→", Words.say("fold / unfold"), footer: false, enabled: foldable) { key in
                        key == .left ? .fold : .unfold
                    })
            }
            b.append(KeyBinding([.char("s")], "s", Words.say("sort by health / name"), .sortByHealth, footer: false))
            b.append(KeyBinding([.char("w")], "w", Words.say("workshop mode on the cluster"), .workshop, footer: false, enabled: some))
        }
        if tab != .checkpoints && !showingTree {
            b.append(
                KeyBinding(
                    [.char("J")], "J", list.marked.isEmpty ? Words.say("join a cluster") : Words.say("join marked"), .join,
                    footer: !list.marked.isEmpty, enabled: some))
        }
        b += listKeys.prefix(1)  // `/`
        b += [
            KeyBinding([.tab], "Tab", Words.say("tabs"), .nextTab, footer: !(tab == .clusters && treeInFooter)),
            KeyBinding([.backTab], "S-Tab", Words.say("previous tab"), .previousTab, footer: false),
            KeyBinding([.char("1"), .char("2"), .char("3"), .char("4")], "1-4", Words.say("go to tab"), footer: false) { key in
                if case .char(let c) = key, let n = c.wholeNumberValue, let t = Tab(rawValue: n - 1) { return .goToTab(t) }
                return .goToTab(.clusters)
            },
        ]
        return b
    }

    public func laterBindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        if list.filtering { return [] }
        return [
            KeyBinding([.char("i")], "i", Words.say("import a register"), .importRegister, footer: false),
            KeyBinding([.char("c")], "c", Words.say("calendar file (.ics)"), .calendar, footer: false),
            KeyBinding(
                [.char("W")], "W",
                list.marked.isEmpty ? Words.say("write the rows shown to CSV") : Words.say("write the marked rows to CSV"), .writeCSV,
                footer: false, enabled: !showingTree && (!list.visible.isEmpty || !list.marked.isEmpty)),
            KeyBinding(
                [.char("C")], "C", Words.say("conflicts ({count})", ["count": String(env.conflictCount)]), .conflicts,
                footer: env.conflictCount > 0,
                essential: env.conflictCount > 0),
            KeyBinding([.char("S")], "S", Words.say("sync through git"), .sync, footer: env.syncLine != nil),
            KeyBinding(
                [.char("L")], "L", Words.say("news since last time"), .sinceLastOpen, footer: false,
                enabled: (env.sinceLastOpen?.changes ?? 0) > 0),
            KeyBinding([.char("T")], "T", Words.say("language"), .chooseLanguage, footer: false),
        ]
    }

    /// `q` quits here; Esc only clears a kept filter.
    public func shared(_ env: AppEnvironment) -> SharedKeys<Action> {
        list.filtering ? .none : SharedKeys(undo: .undo, help: .help, back: .quit, backLabel: Words.say("quit"), backOnEscape: false)
    }

    public func trailingBindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        if list.filtering { return [] }
        let examples =
            env.storeIsEmpty
            ? [] : [KeyBinding([.char("x")], "x", Words.say("load the example clusters"), Action.loadExamples, footer: false)]
        return examples + list.bindings(batch: !showingTree) { Action.list($0) }.dropFirst()
    }

    public func typed(_ key: Key) -> Action? { list.typed(key).map(Action.list) }
}
