import CairnCore
import CairnWords
import TermUI

/// The forms for each kind of record: which fields, in which order, filled from the stored
/// record when editing. The first field is always the name (a checkpoint's title).
enum RecordForms {
    /// How a day may be typed, said under its field.
    static var dateHint: String { Words.say("YYYY-MM-DD, today, +2w") }

    static func cluster(_ c: Cluster?) -> FormState {
        let c = c ?? Cluster(id: "", name: "")
        return FormState(
            purpose: .cluster(id: c.id.isEmpty ? nil : c.id), title: c.id.isEmpty ? Words.say("New cluster") : Words.say("Edit cluster"),
            fields: described(.cluster(c)))
    }

    static func school(_ s: School?, joinCluster: String? = nil, name: String = "") -> FormState {
        let s = s ?? School(id: "", name: name)
        return FormState(
            purpose: .school(id: s.id.isEmpty ? nil : s.id, joinCluster: joinCluster),
            title: s.id.isEmpty ? Words.say("New school") : Words.say("Edit school"),
            fields: described(.school(s)))
    }

    static func agency(_ a: Agency?, joinCluster: String? = nil, name: String = "") -> FormState {
        let a = a ?? Agency(id: "", name: name, sector: .health)
        return FormState(
            purpose: .agency(id: a.id.isEmpty ? nil : a.id, joinCluster: joinCluster),
            title: a.id.isEmpty ? Words.say("New agency") : Words.say("Edit agency"),
            fields: described(.agency(a)))
    }

    /// `chooseCluster`: added from Home, where no cluster is open, so the form asks which one.
    static func checkpoint(_ c: Checkpoint?, cluster: String, world: World, chooseCluster: Bool = false) -> FormState {
        let members = world.members(of: cluster)
        var fields = [
            FormField("title", Words.say("Title", context: "field"), text: c?.title ?? ""),
            FormField("due", Words.say("Due", context: "field"), text: c?.due.description ?? "", hint: dateHint),
        ]
        if chooseCluster {
            let clusters = NameOrder.shown(world.clusters.values, by: \.name)
            var field = FormField.choice(
                "cluster", Words.say("Cluster", context: "field"), options: clusters.map(\.id), selected: cluster,
                labels: clusters.map(\.name))
            field.hint = Words.say("←/→ or a letter")
            fields.append(field)
        } else {
            var field = FormField.choice(
                "concerns", Words.say("Concerns member", context: "field"), options: [""] + members.map(\.id), selected: c?.concerns ?? "",
                labels: [Words.say("(none)")] + members.map { world.memberName($0) })
            field.hint = Words.say("←/→ choose")
            fields.append(field)
            let goals = world.goals(of: cluster)
            var asks = FormField.choice(
                "goal", Words.say("Asks to measure", context: "field"), options: [""] + goals.map(\.id), selected: c?.goal ?? "",
                labels: [Words.say("(no goal)")] + goals.map(\.statement))
            asks.hint = Words.say("a measurement ticks it")
            fields.append(asks)
        }
        if let c { fields += tickCorrection(c) }
        return FormState(
            purpose: .checkpoint(id: c?.id, cluster: cluster), title: c == nil ? Words.say("New checkpoint") : Words.say("Edit checkpoint"),
            fields: fields)
    }

    /// `name`: the member's name when it is not stored yet (a school just made in the picker).
    static func member(
        _ m: Membership?, cluster: String, type: MemberType, memberId: String, name: String? = nil, world: World
    ) -> FormState {
        let stored: String? =
            switch type {
            case .school: world.schools[memberId]?.name
            case .agency: world.agencies[memberId]?.name
            case .cluster: world.clusters[memberId]?.name
            }
        let name = name ?? stored
        let clusterName = world.clusters[cluster]?.name ?? ""
        return FormState(
            purpose: .member(membership: m?.id, cluster: cluster, type: type, memberId: memberId),
            title: name.map { Words.say("{name} in {cluster}", ["name": $0, "cluster": clusterName]) }
                ?? Words.say("Member in {cluster}", ["cluster": clusterName]),
            fields: [
                FormField("role", Words.say("Role", context: "field"), text: m?.role ?? ""),
                .longText("responsibilities", Words.say("Responsibilities", context: "field"), text: m?.responsibilities ?? ""),
                .flag("lead", Words.say("Lead of cluster", context: "field"), on: m?.lead ?? false),
            ])
    }
}
