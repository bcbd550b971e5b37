import CairnCore
import TermUI

extension AppState {
    /// Rebuilds the lists on screen whose rows are older than the world. Lists not on screen
    /// wait until they are shown, so a change to 25,000 schools does not rebuild four lists.
    mutating func refreshLists() {
        let rev = world.revision
        let t = home.tab
        if home.lists[t].builtFrom != rev {
            switch t {
            case 0: home.lists[0].setRows(Rows.clusters(world, today: today, byHealth: home.sortByHealth), revision: rev)
            case 1: home.lists[1].setRows(Rows.schools(world), revision: rev)
            case 2: home.lists[2].setRows(Rows.agencies(world), revision: rev)
            default:
                home.lists[3].setRows(
                    Rows.checkpoints(world, today: today, filter: home.checkpointFilter, region: home.region), revision: rev)
                home.overdueCount = world.checkpoints.values.reduce(0) { $0 + ($1.isOverdue(on: today) ? 1 : 0) }
            }
        }
        for i in stack.indices {
            switch stack[i] {
            case .cluster(var s):
                if s.summary?.revision != rev {
                    s.summary = ClusterSummary(world, cluster: s.clusterID, today: today)
                    stack[i] = .cluster(s)
                }
                if s.lists[s.tab].builtFrom != rev {
                    let rows =
                        s.current == .coverage && s.regionCoverage
                        ? Rows.coverage(world.coverage(ofRegion: world.clusters[s.clusterID]?.region ?? ""))
                        : s.current.rows(world, cluster: s.clusterID, today: today)
                    s.lists[s.tab].setRows(rows, revision: rev)
                    stack[i] = .cluster(s)
                }
            case .record(var s):
                if s.clusters.builtFrom != rev {
                    let rows = world.clusters(withMember: s.id).map { c -> ListRow in
                        let role = world.memberships.values.first { $0.cluster == c.id && $0.memberId == s.id }
                        return ListRow(id: c.id, cells: [c.name, role?.lead == true ? "LEAD" : "", role?.role ?? ""])
                    }
                    s.clusters.setRows(rows, revision: rev)
                    stack[i] = .record(s)
                }
            case .picker(var p):
                if p.list.builtFrom != rev {
                    p.list.setRows(Self.pickerRows(world, cluster: p.clusterID), revision: rev)
                    stack[i] = .picker(p)
                }
            case .form, .workshop, .importing:
                break
            }
        }
    }

    static func pickerRows(_ world: World, cluster: String) -> [ListRow] {
        let already = Set(world.memberships.values.filter { $0.cluster == cluster }.map(\.memberId))
        var rows = [
            ListRow(id: PickerScreen.newSchool, cells: ["+ New school…", "create", ""], style: .accent, pinned: true),
            ListRow(id: PickerScreen.newAgency, cells: ["+ New agency…", "create", ""], style: .accent, pinned: true),
        ]
        rows += NameOrder.sorted(world.schools.values.filter { !already.contains($0.id) }, by: \.name).map {
            ListRow(id: $0.id, cells: [$0.name, "school", $0.municipality])
        }
        rows += NameOrder.sorted(world.agencies.values.filter { !already.contains($0.id) }, by: \.name).map {
            ListRow(id: $0.id, cells: [$0.name, "agency", $0.sector.label])
        }
        return rows
    }
}
