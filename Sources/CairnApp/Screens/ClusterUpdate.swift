import CairnCore
import TermUI

extension AppState {
    mutating func handleCluster(_ key: Key, _ screen: ClusterScreen) -> [Effect] {
        var s = screen
        let t = s.tab
        if s.lists[t].handle(key, pageHeight: listHeight - 5) {
            replaceTop(.cluster(s))
            return []
        }
        let bindings = Bindings.cluster(tab: s.current)
        guard let command: Command = bindings.action(for: key) else { return [] }
        let selected = s.lists[t].selectedRow?.id
        let count = ClusterTab.allCases.count
        switch command {
        case .quit: return [.quit]
        case .back: stack.removeLast()
        case .nextTab, .previousTab:
            s.tab = (t + (command == .nextTab ? 1 : count - 1)) % count
            replaceTop(.cluster(s))
        case .help: showHelp("Cluster: \(s.current.title)", bindings)
        case .undo: return undo()
        case .toggleDone: return toggleDone(selected)
        case .editCluster: openEditor(kind: .cluster, id: s.clusterID)
        case .workshop: openWorkshop(s.clusterID)
        case .report:
            status = Status("Writing the report…")
            return [.writeReport(cluster: s.clusterID)]
        case .agreement: stack.append(.form(FrameworkForms.agreement(world.agreement(of: s.clusterID), cluster: s.clusterID, today: today)))
        case .measure:
            if let id = selected, let g = world.goals[id] { stack.append(.form(FrameworkForms.measurement(goal: g, today: today))) }
        case .add:
            switch s.current {
            case .members: stack.append(.picker(PickerScreen(clusterID: s.clusterID)))
            case .checkpoints: stack.append(.form(RecordForms.checkpoint(nil, cluster: s.clusterID, world: world)))
            case .goals: stack.append(.form(FrameworkForms.goal(nil, cluster: s.clusterID, world: world)))
            case .actions:
                let goal = world.goals(of: s.clusterID).first?.id
                stack.append(.form(FrameworkForms.action(nil, cluster: s.clusterID, goal: goal, world: world)))
            case .health:
                stack.append(.form(FrameworkForms.assessment(nil, cluster: s.clusterID, world: world, today: today)))
            case .coverage:
                stack.append(.picker(PickerScreen(clusterID: s.clusterID)))
            case .gaps:
                break
            }
        case .edit where s.current == .health, .open where s.current == .health:
            if let latest = world.assessments(of: s.clusterID).first { openEditor(kind: .assessment, id: latest.id) }
        case .delete where s.current == .health:
            if let latest = world.assessments(of: s.clusterID).first { confirmDelete(.assessment, id: latest.id) }
        case .edit:
            guard let id = selected else { return [] }
            openEditor(kind: s.current.recordKind, id: id)
        case .delete:
            guard let id = selected else { return [] }
            confirmDelete(s.current.recordKind, id: id)
        case .open where s.current == .coverage:
            // Enter on a sector: the member picker, filtered to that sector's agencies.
            var picker = PickerScreen(clusterID: s.clusterID)
            if let sector = selected.flatMap(Sector.init(rawValue:)) {
                picker.list.filter = TextField(sector.label)
                picker.list.setRows(AppState.pickerRows(world, cluster: s.clusterID), revision: world.revision)
            }
            stack.append(.picker(picker))
        case .cycleRegion where s.current == .coverage:
            s.regionCoverage.toggle()
            s.lists[s.tab].builtFrom = nil
            replaceTop(.cluster(s))
        case .open where s.current == .gaps:
            guard let id = selected else { return [] }
            goFix(gap: id, in: &s)
        case .open:
            guard let id = selected else { return [] }
            if s.current == .members, let m = world.memberships[id] {
                stack.append(.record(RecordScreen(type: m.memberType, id: m.memberId)))
            } else {
                openEditor(kind: s.current.recordKind, id: id)
            }
        default: break
        }
        return []
    }

    /// Enter on a gap: go to the tab and the record where it is fixed, or open the form that fixes it.
    mutating func goFix(gap rowID: String, in screen: inout ClusterScreen) {
        let parts = rowID.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, let kind = Gap.Kind(rawValue: parts[3]) else { return }
        let recordID = parts[2]
        switch kind {
        case .noAgreement:
            stack.append(.form(FrameworkForms.agreement(nil, cluster: screen.clusterID, today: today)))
            return
        case .noLead: screen.tab = ClusterTab.members.rawValue
        case .goalIncomplete:
            if let g = world.goals[recordID] { stack.append(.form(FrameworkForms.goal(g, cluster: g.cluster, world: world))) }
            return
        case .goalWithoutAction:
            stack.append(.form(FrameworkForms.action(nil, cluster: screen.clusterID, goal: recordID, world: world)))
            return
        case .actionWithoutResponsible:
            if let a = world.actions[recordID] {
                stack.append(.form(FrameworkForms.action(a, cluster: a.cluster, goal: a.goal, world: world)))
            }
            return
        case .memberWithoutAction:
            screen.tab = ClusterTab.actions.rawValue
            status = Status("Press a to give \(world.memberships[recordID].map { world.memberName($0) } ?? "the member") an action")
        case .overdueCheckpoint: screen.tab = ClusterTab.checkpoints.rawValue
        }
        let tab = screen.tab
        screen.lists[tab].setRows(screen.current.rows(world, cluster: screen.clusterID, today: today), revision: world.revision)
        if !recordID.isEmpty { screen.lists[tab].select(id: recordID) }
        replaceTop(.cluster(screen))
    }

    mutating func handleRecord(_ key: Key, _ screen: RecordScreen) -> [Effect] {
        var s = screen
        if s.clusters.handle(key, pageHeight: listHeight - 10) {
            replaceTop(.record(s))
            return []
        }
        guard let command: Command = Bindings.record.action(for: key) else { return [] }
        let kind: RecordKind = s.type == .school ? .school : .agency
        switch command {
        case .quit: return [.quit]
        case .back: stack.removeLast()
        case .help: showHelp(s.type == .school ? "School" : "Agency", Bindings.record)
        case .undo: return undo()
        case .edit: openEditor(kind: kind, id: s.id)
        case .delete: confirmDelete(kind, id: s.id)
        case .open:
            if let id = s.clusters.selectedRow?.id { openCluster(id) }
        default: break
        }
        return []
    }

    mutating func handlePicker(_ key: Key, _ screen: PickerScreen) -> [Effect] {
        var p = screen
        switch key {
        case .escape:
            if p.list.filter.text.isEmpty {
                stack.removeLast()
            } else {
                p.list.filter = TextField()
                p.list.applyFilter()
                replaceTop(.picker(p))
            }
            return []
        case .enter:
            guard let id = p.list.selectedRow?.id else { return [] }
            let typed = p.list.filter.text
            stack.removeLast()
            if id == PickerScreen.newSchool {
                stack.append(.form(RecordForms.school(nil, joinCluster: p.clusterID, name: typed)))
            } else if id == PickerScreen.newAgency {
                stack.append(.form(RecordForms.agency(nil, joinCluster: p.clusterID, name: typed)))
            } else {
                let type: MemberType = world.schools[id] != nil ? .school : .agency
                stack.append(.form(RecordForms.member(nil, cluster: p.clusterID, type: type, memberId: id, world: world)))
            }
            return []
        case .char("?") where p.list.filter.text.isEmpty:
            showHelp("Add a member", Bindings.picker)
            return []
        default:
            p.list.filtering = true
            if p.list.handle(key, pageHeight: listHeight - 2) { replaceTop(.picker(p)) }
            return []
        }
    }
}
