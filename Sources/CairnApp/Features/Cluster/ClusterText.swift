import CairnCore
import CairnWords

/// A cluster's own fields, each whole (a 204-character name, a long purpose), for the pager
/// that `i` opens: the header of the cluster's screen cuts what does not fit on one line.
enum ClusterText {
    static func lines(_ c: Cluster, in w: World, today: Day) -> [String] {
        var facts: [(String, String)] = [
            (Words.say("Name", context: "cluster"), c.name), (Words.say("Official id", context: "column"), c.officialId ?? "—"),
            (Words.say("Kind", context: "cluster"), c.kind.label), (Words.say("Formality", context: "cluster"), c.formality?.label ?? "—"),
            (Words.say("Region", context: "column"), c.region.isEmpty ? "—" : c.region),
            (Words.say("Purpose", context: "cluster"), c.purpose),
            (Words.say("Leadership", context: "cluster"), c.leadershipModel),
            (Words.say("Started on", context: "cluster"), c.startedOn?.description ?? "—"),
            (Words.say("Funding", context: "cluster"), c.fundingSource),
            (Words.say("Funding ends", context: "cluster"), c.fundingEndsOn?.description ?? "—"),
            (Words.say("Notes", context: "cluster"), c.notes),
        ]
        facts = facts.map { ($0.0, $0.1.isEmpty ? "—" : $0.1) }
        var lines: [String] = []
        for (label, value) in facts {
            lines.append(label)
            for part in value.split(separator: "\n", omittingEmptySubsequences: false) { lines.append("    " + part) }
        }
        let members = w.members(of: c.id)
        lines += [
            "",
            [
                Words.count("{count} member", "{count} members", members.count),
                Words.count("{count} goal", "{count} goals", w.goals(of: c.id).count),
                Words.count("{count} checkpoint", "{count} checkpoints", w.checkpoints(of: c.id, on: today).count),
            ].joined(separator: ", "),
        ]
        return lines
    }
}
