import CairnCore
import TermUI

extension AppState {
    mutating func handleHome(_ key: Key) -> [Effect] {
        let t = home.tab
        if home.lists[t].handle(key, pageHeight: listHeight - 1) { return [] }
        if case .char(let c) = key, let n = c.wholeNumberValue, (1...4).contains(n) {
            home.tab = n - 1
            return []
        }
        let bindings = Bindings.home(tab: t, empty: world.isEmpty)
        guard let command: Command = bindings.action(for: key) else { return [] }
        let selected = home.lists[t].selectedRow?.id
        switch command {
        case .quit: return [.quit]
        case .nextTab: home.tab = (t + 1) % 4
        case .previousTab: home.tab = (t + 3) % 4
        case .help: showHelp("Home", bindings)
        case .undo: return undo()
        case .loadExamples:
            status = Status("Loading the example clusters…")
            return [.loadExamples]
        case .toggleDone: return toggleDone(selected)
        case .workshop: if let id = selected, t == 0 { openWorkshop(id) }
        case .importRegister: stack.append(.importing(ImportScreen()))
        case .cycleFilter:
            home.checkpointFilter = home.checkpointFilter.next
            home.lists[3].builtFrom = nil
        case .cycleRegion:
            let regions = Array(Set(world.clusters.values.map(\.region).filter { !$0.isEmpty })).sorted()
            if let current = home.region, let i = regions.firstIndex(of: current), i + 1 < regions.count {
                home.region = regions[i + 1]
            } else {
                home.region = home.region == nil ? regions.first : nil
            }
            home.lists[3].builtFrom = nil
        case .sort:
            home.sortByHealth.toggle()
            home.lists[0].setRows(Rows.clusters(world, today: today, byHealth: home.sortByHealth), revision: world.revision)
            status = Status(home.sortByHealth ? "Clusters sorted by health, weakest first (s sorts by name)" : "Clusters sorted by name")
        case .add:
            switch t {
            case 0: stack.append(.form(RecordForms.cluster(nil)))
            case 1: stack.append(.form(RecordForms.school(nil)))
            case 2: stack.append(.form(RecordForms.agency(nil)))
            default:
                // From Home no cluster is open: start from the selected checkpoint's cluster and let the form ask.
                let start =
                    selected.flatMap { world.checkpoints[$0]?.cluster } ?? NameOrder.sorted(world.clusters.values, by: \.name).first?.id
                if let start {
                    stack.append(.form(RecordForms.checkpoint(nil, cluster: start, world: world, chooseCluster: true)))
                } else {
                    status = Status("Add a cluster first: checkpoints belong to a cluster", isError: true)
                }
            }
        case .open:
            guard let id = selected else { return [] }
            switch t {
            case 0: openCluster(id)
            case 1: stack.append(.record(RecordScreen(type: .school, id: id)))
            case 2: stack.append(.record(RecordScreen(type: .agency, id: id)))
            default:
                if let c = world.checkpoints[id] {
                    openCluster(c.cluster, tab: 1)
                    if case .cluster(var s) = stack.last {
                        s.lists[1].setRows(Rows.checkpoints(world, today: today, in: c.cluster), revision: world.revision)
                        s.lists[1].select(id: id)
                        replaceTop(.cluster(s))
                    }
                }
            }
        case .edit:
            guard let id = selected else { return [] }
            openEditor(kind: [RecordKind.cluster, .school, .agency, .checkpoint][t], id: id)
        case .delete:
            guard let id = selected else { return [] }
            confirmDelete([RecordKind.cluster, .school, .agency, .checkpoint][t], id: id)
        default: break
        }
        return []
    }

    mutating func openCluster(_ id: String, tab: Int = 0) {
        var s = ClusterScreen(clusterID: id)
        s.tab = tab
        stack.append(.cluster(s))
    }

    mutating func openEditor(kind: RecordKind, id: String) {
        switch kind {
        case .cluster: if let c = world.clusters[id] { stack.append(.form(RecordForms.cluster(c))) }
        case .school: if let s = world.schools[id] { stack.append(.form(RecordForms.school(s))) }
        case .agency: if let a = world.agencies[id] { stack.append(.form(RecordForms.agency(a))) }
        case .checkpoint:
            if let c = world.checkpoints[id] { stack.append(.form(RecordForms.checkpoint(c, cluster: c.cluster, world: world))) }
        case .membership:
            if let m = world.memberships[id] {
                stack.append(.form(RecordForms.member(m, cluster: m.cluster, type: m.memberType, memberId: m.memberId, world: world)))
            }
        case .goal: if let g = world.goals[id] { stack.append(.form(FrameworkForms.goal(g, cluster: g.cluster, world: world))) }
        case .action:
            if let a = world.actions[id] { stack.append(.form(FrameworkForms.action(a, cluster: a.cluster, goal: a.goal, world: world))) }
        case .measurement: break
        case .assessment:
            if let a = world.assessments[id] {
                stack.append(.form(FrameworkForms.assessment(a, cluster: a.cluster, world: world, today: today)))
            }
        case .agreement:
            if let a = world.agreements[id] { stack.append(.form(FrameworkForms.agreement(a, cluster: a.cluster, today: today))) }
        }
    }
}
