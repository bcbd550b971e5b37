import CairnCore

/// A cluster's own fields, each whole (a 204-character name, a long purpose), for the pager
/// that `i` opens: the header of the cluster's screen cuts what does not fit on one line.
enum ClusterText {
    static func lines(_ c: Cluster, in w: World, today: Day) -> [String] {
        var facts: [(String, String)] = [
            ("Name", c.name), ("Official id", c.officialId ?? "—"), ("Kind", c.kind.label), ("Formality", c.formality?.label ?? "—"),
            ("Region", c.region.isEmpty ? "—" : c.region), ("Purpose", c.purpose), ("Leadership", c.leadershipModel),
            ("Started on", c.startedOn?.description ?? "—"), ("Funding", c.fundingSource),
            ("Funding ends", c.fundingEndsOn?.description ?? "—"), ("Notes", c.notes),
        ]
        facts = facts.map { ($0.0, $0.1.isEmpty ? "—" : $0.1) }
        var lines: [String] = []
        for (label, value) in facts {
            lines.append(label)
            for part in value.split(separator: "\n", omittingEmptySubsequences: false) { lines.append("    " + part) }
        }
        let members = w.members(of: c.id)
        lines += [
            "", "\(members.count) members, \(w.goals(of: c.id).count) goals, \(w.checkpoints(of: c.id, on: today).count) checkpoints",
        ]
        return lines
    }
}
