import CairnCore
import CairnReports
import CairnWords
import TermUI

/// One cluster: a header and a tab for each part of its plan (`ClusterTab`).
public struct ClusterScreen: Screen, TabbedLists {
    public enum Action: Sendable, Equatable {
        case list(ListAction)
        case nextTab, previousTab
        case open, add, edit, delete, tick, measure, history
        /// `l` on a member: it leaves today, and is kept as a former member.
        case leave
        case editCluster, about, agreement, workshop, report, plan, viewReport, calendar, regionCoverage
        /// `W`: the tab's marked rows, or its filtered view, written to CSV beside the reports.
        case writeCSV
        /// `J` on Members: the marked members (or the selected one) join another cluster too.
        case join
        case undo, help, back
    }

    public var clusterID: String
    public var tab: ClusterTab
    public var lists = [ListModel](repeating: ListModel(), count: ClusterTab.allCases.count)
    /// The Coverage tab shows the cluster's whole region instead (`R`).
    public var regionCoverage = false
    /// Header facts and tab counts, rebuilt when the world changes, not on every key.
    public var summary: ClusterSummary?
    /// A record to select once the list is built (opened from Home, or a gap to fix).
    public var select: String?

    public init(clusterID: String, tab: ClusterTab = .members) {
        self.clusterID = clusterID
        self.tab = tab
    }

    var tabIndex: Int { tab.rawValue }
    public var filteredList: ListModel? { list }

    /// Rows of the list: the body less five header lines and the table's header, less the
    /// health check's line or the coverage note.
    func visibleRows(_ env: AppEnvironment) -> Int {
        let notes =
            tab == .coverage
            ? max(1, coverageNote(env).lines.count) : tab == .health ? max(1, healthLines(summary, width: env.width).count) : 0
        return max(1, env.bodyHeight - 6 - notes)
    }

    public func crumb(_ env: AppEnvironment) -> String { env.world.clusters[clusterID]?.name ?? Words.say("cluster", context: "record") }
    public var minimumSize: TerminalSize { .projector }
    public func isStale(in world: World) -> Bool { world.clusters[clusterID] == nil }

    public mutating func update(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        let env = context.env
        let w = env.world
        let count = ClusterTab.allCases.count
        switch action {
        case .list(let a): list.apply(a, visibleRows: visibleRows(env))
        case .nextTab: tab = ClusterTab(rawValue: (tab.rawValue + 1) % count)!
        case .previousTab: tab = ClusterTab(rawValue: (tab.rawValue + count - 1) % count)!
        case .open: return open(&context)
        case .add: return add(env)
        case .edit:
            if tab == .health {
                return selectedCheck(w).flatMap { RecordDoors.editor(.assessment, id: $0.id, env) }.map { [$0] } ?? []
            }
            return selected.flatMap { RecordDoors.editor(tab.recordKind, id: $0, env) }.map { [$0] } ?? []
        case .delete:
            let id = tab == .health ? selectedCheck(w)?.id : selected
            return id.flatMap { RecordDoors.confirmDelete(tab.recordKind, id: $0, env, asker: context.id) }.map { [$0] } ?? []
        case .tick:
            if !list.marked.isEmpty { return [RecordDoors.tickMarked(list.markedIDs, env)] }
            if let id = selected, env.world.checkpoints[id]?.isDone == false { list.holdPlace = id }
            return RecordDoors.tickOrReopen(selected, env, asker: context.id).map { [$0] } ?? []
        case .leave:
            guard tab == .members else { return [] }
            return RecordDoors.confirmLeave(selected, env, asker: context.id).map { [$0] } ?? []
        case .history:
            // The tab's record; where the tab lists no records of its own, the cluster's.
            switch tab {
            case .health:
                return RecordDoors.history(.assessment, id: selectedCheck(w)?.id, env, asker: context.id).map { [$0] } ?? []
            case .gaps, .coverage, .journey: return RecordDoors.history(.cluster, id: clusterID, env, asker: context.id).map { [$0] } ?? []
            default: return RecordDoors.history(tab.recordKind, id: selected, env, asker: context.id).map { [$0] } ?? []
            }
        case .measure:
            guard let id = selected, let g = w.goals[id] else { return [] }
            return [RecordDoors.open(FrameworkForms.measurement(goal: g, today: env.today))]
        case .editCluster: return RecordDoors.editor(.cluster, id: clusterID, env).map { [$0] } ?? []
        case .about:
            guard let c = w.clusters[clusterID] else { return [] }
            return [
                .push(ScreenBox(PagerScreen(title: Words.say("About the cluster"), lines: ClusterText.lines(c, in: w, today: env.today))))
            ]
        case .agreement:
            return [RecordDoors.open(FrameworkForms.agreement(w.agreement(of: clusterID), cluster: clusterID, today: env.today))]
        case .workshop: return [.push(ScreenBox(WorkshopScreen(clusterID: clusterID)))]
        case .report: return [.say(Status(Words.say("Writing the report…"))), .writeReport(cluster: clusterID, replyTo: context.id)]
        case .plan: return [.say(Status(Words.say("Writing the plan…"))), .writePlan(cluster: clusterID, replyTo: context.id)]
        case .calendar: return [.writeCalendar(cluster: clusterID, replyTo: context.id)]
        case .viewReport:
            guard let report = Report.cluster(clusterID, world: w, today: env.today) else { return [] }
            return [
                .push(ScreenBox(PagerScreen(title: Words.say("Report: {title}", ["title": report.title]), lines: ReportText.lines(report))))
            ]
        case .regionCoverage:
            regionCoverage.toggle()
            lists[ClusterTab.coverage.rawValue].builtFrom = nil
        case .writeCSV:
            guard tab.writesCSV else { return [] }
            return [.writeListCSV(list.written(tab.columns, name: tab.fileName, cluster: clusterID))]
        case .join:
            guard tab == .members else { return [] }
            let rows = list.marked.isEmpty ? selected.map { [$0] } ?? [] : list.markedIDs
            let ids = rows.compactMap { w.memberships[$0]?.memberId }
            guard !ids.isEmpty else { return [] }
            return [.push(ScreenBox(JoinPickerScreen(members: ids)))]
        case .undo: return [.undoLast(replyTo: context.id)]
        case .help: return [help(Words.say("Cluster: {tab}", ["tab": tab.title]), env)]
        case .back: return [.close(context.id)]
        }
        // The stack refreshes every screen after each action (`AppState.send`): rows are built there.
        return []
    }

    /// On the Health tab: the check the selected row stands for (an earlier one, or the latest).
    func selectedCheck(_ w: World) -> Assessment? {
        if let id = selected, id.hasPrefix(Rows.earlierCheck) { return w.assessments[String(id.dropFirst(Rows.earlierCheck.count))] }
        return w.assessments(of: clusterID).first
    }

    private mutating func open(_ context: inout ScreenContext) -> [Effect] {
        let env = context.env
        let w = env.world
        switch tab {
        case .health:
            guard let check = selectedCheck(w) else { return [] }
            return [
                .push(
                    ScreenBox(
                        PagerScreen(
                            title: Words.say("Health check of {date}", ["date": check.date.description]),
                            lines: HealthText.lines(check, in: w))))
            ]
        case .coverage:
            // Enter on a sector: who takes part for it, cluster by cluster (`a` adds one).
            guard let sector = selected.flatMap(Sector.init(rawValue:)) else { return [] }
            let ids = regionCoverage ? w.clusters(inRegionOf: clusterID) : [clusterID]
            return [
                .push(
                    ScreenBox(
                        PagerScreen(
                            title: Words.say("{sector} taking part", ["sector": sector.label.capitalized]),
                            lines: Rows.sectorLines(sector, ids, w))))
            ]
        case .gaps:
            guard let id = selected else { return [] }
            return goFix(gap: id, env)
        case .journey:
            guard let school = selected.flatMap(Rows.journeySchool), w.schools[school] != nil else { return [] }
            return [.push(ScreenBox(RecordScreen(type: .school, id: school)))]
        case .members:
            guard let id = selected, let m = w.memberships[id] else { return [] }
            if m.memberType == .cluster { return [.push(ScreenBox(ClusterScreen(clusterID: m.memberId)))] }
            return [.push(ScreenBox(RecordScreen(type: m.memberType, id: m.memberId)))]
        case .checkpoints: return selected.map { [.push(ScreenBox(CheckpointScreen(id: $0)))] } ?? []
        case .goals: return selected.map { [.push(ScreenBox(GoalScreen(id: $0)))] } ?? []
        case .actions:
            return selected.flatMap { RecordDoors.editor(tab.recordKind, id: $0, env) }.map { [$0] } ?? []
        }
    }

    private func add(_ env: AppEnvironment) -> [Effect] {
        let w = env.world
        switch tab {
        case .members, .coverage, .journey: return [.push(ScreenBox(PickerScreen(clusterID: clusterID)))]
        case .checkpoints: return [RecordDoors.open(RecordForms.checkpoint(nil, cluster: clusterID, world: w))]
        case .goals: return [RecordDoors.open(FrameworkForms.goal(nil, cluster: clusterID, world: w))]
        case .actions:
            return [RecordDoors.open(FrameworkForms.action(nil, cluster: clusterID, goal: w.goals(of: clusterID).first?.id, world: w))]
        case .health: return [RecordDoors.open(FrameworkForms.assessment(nil, cluster: clusterID, world: w, today: env.today))]
        case .gaps: return []
        }
    }

    /// Enter on a gap: the tab and the record where it is fixed, or the form that fixes it.
    private mutating func goFix(gap rowID: String, _ env: AppEnvironment) -> [Effect] {
        let w = env.world
        let parts = rowID.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, let kind = Gap.Kind(rawValue: parts[3]) else { return [] }
        let recordID = parts[2]
        var effects: [Effect] = []
        switch kind {
        case .noAgreement: return [RecordDoors.open(FrameworkForms.agreement(nil, cluster: clusterID, today: env.today))]
        case .goalIncomplete: return RecordDoors.editor(.goal, id: recordID, env).map { [$0] } ?? []
        case .goalWithoutAction: return [RecordDoors.open(FrameworkForms.action(nil, cluster: clusterID, goal: recordID, world: w))]
        case .actionWithoutResponsible: return RecordDoors.editor(.action, id: recordID, env).map { [$0] } ?? []
        case .noLead: tab = .members
        case .memberWithoutAction:
            tab = .actions
            let said =
                w.memberships[recordID].map { Words.say("Press a to give {member} an action", ["member": w.memberName($0)]) }
                ?? Words.say("Press a to give the member an action")
            effects.append(.say(Status(said)))
        case .overdueCheckpoint: tab = .checkpoints
        case .phaseWithoutSchool: tab = .journey
        case .feedsNoOne, .pathLeaves: return [.push(ScreenBox(RecordScreen(type: .school, id: recordID)))]
        }
        if !recordID.isEmpty { select = recordID }
        refresh(env)
        return effects
    }

    public mutating func receive(_ event: ScreenEvent, _ context: inout ScreenContext) -> [Effect] {
        switch event {
        case .reportWritten(let path): return [.say(Status(Words.say("Report saved: {path}", ["path": path])))]
        case .reportFailed(let message): return [.say(Status(Words.say("Not written: {reason}", ["reason": message]), isError: true))]
        case .calendarWritten(let path, let items): return [.say(Status(CalendarWords.saved(path: path, items: items)))]
        case .committed(let outcome, _):
            // Marked members joined to another cluster: the marks have done their work.
            let w = context.env.world
            lists[ClusterTab.members.rawValue].unmarkJoined(by: outcome) { w.memberships[$0]?.memberId }
            // After an add, the new record is the one selected.
            let added = outcome.changes.compactMap { change -> String? in
                if case .put(let r) = change, r.kind == tab.recordKind { return r.id }
                return nil
            }
            if added.count == 1 { select = added[0] }
            refresh(context.env)
            return []
        case .commitFailed, .examplesRead, .examplesFailed, .inspirationRead, .importPreviewed, .importFailed, .importProgress,
            .importWritten:
            return []
        }
    }

    public mutating func refresh(_ env: AppEnvironment) {
        let w = env.world
        if summary?.source != env.listSource { summary = ClusterSummary(w, cluster: clusterID, today: env.today, source: env.listSource) }
        let (id, today, tab, region) = (clusterID, env.today, tab, regionCoverage)
        let source = env.listSource + (tab == .coverage && region ? "/region" : "")
        let fresh = list.rebuild(from: source, visibleRows: visibleRows(env)) {
            tab == .coverage && region
                ? Rows.coverage(w.coverage(ofRegion: w.clusters[id]?.region ?? "")) : tab.rows(w, cluster: id, today: today)
        }
        if fresh, tab == .checkpoints { list.unmarkWhenAll { w.checkpoints[$0]?.isDone == true } }
        if let select {
            list.select(id: select)
            list.cursor.scroll(visibleRows: visibleRows(env), count: list.visible.count)
            self.select = nil
        }
    }
}

/// The keys: what Space, Enter and every letter do here.
extension ClusterScreen {
    public func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        let listKeys = list.bindings(filterInFooter: false) { Action.list($0) }
        if list.filtering { return listKeys }
        let some = selected != nil
        let assessed = !env.world.assessments(of: clusterID).isEmpty
        var b: [KeyBinding<Action>] = []
        switch tab {
        case .gaps: b.append(KeyBinding([.enter, .char("e")], "Enter", Words.say("go fix"), .open, enabled: some))
        case .coverage:
            b += [
                KeyBinding([.enter], "Enter", Words.say("who takes part"), .open, enabled: some),
                KeyBinding([.char("a")], "a", Words.say("add member"), .add),
                KeyBinding([.char("R")], "R", Words.say("region"), .regionCoverage),
            ]
        case .health:
            b += [
                KeyBinding([.enter], "Enter", Words.say("read it whole"), .open, enabled: assessed),
                KeyBinding([.char("a")], "a", Words.say("add"), .add),
                KeyBinding([.char("e")], "e", Words.say("edit"), .edit, enabled: assessed),
                KeyBinding([.char("d")], "d", Words.say("del"), .delete, enabled: assessed),
            ]
        case .journey:
            b += [
                KeyBinding([.enter], "Enter", Words.say("open school"), .open, enabled: selected.flatMap(Rows.journeySchool) != nil),
                KeyBinding([.char("a")], "a", Words.say("add school"), .add),
            ]
        case .members, .checkpoints, .goals, .actions:
            b += [
                KeyBinding([.enter], "Enter", Words.say("open"), .open, enabled: some),
                KeyBinding([.char("a")], "a", Words.say("add"), .add),
                KeyBinding([.char("e")], "e", Words.say("edit"), .edit, enabled: some),
                KeyBinding([.char("d")], "d", tab == .members ? Words.say("remove") : Words.say("del"), .delete, enabled: some),
            ]
            // Leaving is what happens; `d` stays for a member added by mistake.
            if tab == .members {
                b.append(KeyBinding([.char("l")], "l", Words.say("leave"), .leave, enabled: some))
                b.append(
                    KeyBinding(
                        [.char("J")], "J", list.marked.isEmpty ? Words.say("join another cluster too") : Words.say("join marked"), .join,
                        footer: !list.marked.isEmpty, enabled: some))
            }
        }
        if tab == .checkpoints {
            b.append(
                KeyBinding([.char(" ")], "Space", list.marked.isEmpty ? Words.say("tick") : Words.say("tick marked"), .tick, enabled: some))
        }
        b.append(KeyBinding([.char("h")], "h", Words.say("history"), .history, footer: false))
        if tab == .goals { b.append(KeyBinding([.char("m")], "m", Words.say("measure"), .measure, enabled: some)) }
        b += [
            KeyBinding([.tab], "Tab", Words.say("switch tab"), .nextTab),
            KeyBinding([.backTab], "S-Tab", Words.say("previous tab"), .previousTab, footer: false),
            KeyBinding([.char("E")], "E", Words.say("edit cluster"), .editCluster),
            KeyBinding(
                [.char("c")], "c", Words.say("calendar file (.ics)"), .calendar, footer: false),
            KeyBinding([.char("i")], "i", Words.say("about the cluster, every field whole"), .about, footer: false),
            KeyBinding([.char("M")], "M", Words.say("agreement"), .agreement, footer: tab == .gaps),
            KeyBinding([.char("w")], "w", Words.say("workshop mode"), .workshop, footer: false),
            KeyBinding([.char("r")], "r", Words.say("write the monitoring report"), .report, footer: false),
            KeyBinding([.char("P")], "P", Words.say("write the local action plan (HTML, prints on A4)"), .plan, footer: false),
            KeyBinding([.char("v")], "v", Words.say("view the monitoring report"), .viewReport, footer: false),
        ]
        if tab.writesCSV {
            b.append(
                KeyBinding(
                    [.char("W")], "W",
                    list.marked.isEmpty ? Words.say("write the rows shown to CSV") : Words.say("write the marked rows to CSV"), .writeCSV,
                    footer: false, enabled: !list.visible.isEmpty || !list.marked.isEmpty))
        }
        // Esc clears a kept filter before it goes back.
        return b + listKeys.prefix(2)
    }

    public func shared(_ env: AppEnvironment) -> SharedKeys<Action> {
        list.filtering ? .none : SharedKeys(undo: .undo, help: .help, back: .back)
    }

    public func trailingBindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        list.filtering ? [] : Array(list.bindings(filterInFooter: false) { Action.list($0) }.dropFirst(2))
    }

    public func typed(_ key: Key) -> Action? { list.typed(key).map(Action.list) }
}
