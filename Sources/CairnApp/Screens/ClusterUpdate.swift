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
        let bindings = Bindings.cluster(tab: t)
        guard let command: Command = bindings.action(for: key) else { return [] }
        let selected = s.lists[t].selectedRow?.id
        switch command {
        case .quit: return [.quit]
        case .back: stack.removeLast()
        case .nextTab, .previousTab:
            s.tab = 1 - t
            replaceTop(.cluster(s))
        case .help: showHelp("Cluster", bindings)
        case .undo: return undo()
        case .toggleDone: return toggleDone(selected)
        case .editCluster: openEditor(kind: .cluster, id: s.clusterID)
        case .add:
            if t == 0 {
                stack.append(.picker(PickerScreen(clusterID: s.clusterID)))
            } else {
                stack.append(.form(RecordForms.checkpoint(nil, cluster: s.clusterID, world: world)))
            }
        case .edit:
            guard let id = selected else { return [] }
            openEditor(kind: t == 0 ? .membership : .checkpoint, id: id)
        case .delete:
            guard let id = selected else { return [] }
            confirmDelete(t == 0 ? .membership : .checkpoint, id: id)
        case .open:
            guard t == 0, let id = selected, let m = world.memberships[id] else { return [] }
            stack.append(.record(RecordScreen(type: m.memberType, id: m.memberId)))
        default: break
        }
        return []
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
