import CairnWords

/// Links between schools: which feed which (the pupils' path from one phase to the next), and
/// which took over from which (a school's lineage).
extension World {
    /// The links that start at `school`: the schools it feeds, and its successors.
    public func links(from school: String) -> [Link] {
        sortedLinks { $0.from == school }
    }

    /// The links that end at `school`: the schools that feed it, and its predecessors.
    public func links(to school: String) -> [Link] {
        sortedLinks { $0.to == school }
    }

    private func sortedLinks(_ keep: (Link) -> Bool) -> [Link] {
        links.values.filter(keep).sorted {
            ($0.relation.rawValue, schools[$0.from]?.name ?? "", schools[$0.to]?.name ?? "", $0.id)
                < ($1.relation.rawValue, schools[$1.from]?.name ?? "", schools[$1.to]?.name ?? "", $1.id)
        }
    }

    /// "“A” feeds “B” (primary → lower secondary)", "“B” succeeded “A” (merged, 2024-09-01)".
    public func linkPhrase(_ l: Link) -> String {
        let from = schools[l.from]?.name ?? Words.say("(removed school)")
        let to = schools[l.to]?.name ?? Words.say("(removed school)")
        switch l.relation {
        case .feeds:
            if l.phases.isEmpty { return Words.say("“{from}” feeds “{to}”", ["from": from, "to": to]) }
            return Words.say(
                "“{from}” feeds “{to}” ({phases})", ["from": from, "to": to, "phases": l.phases.map(\.label).joined(separator: " → ")])
        case .lineage:
            let how = [l.how?.label, l.on?.description].compactMap { $0 }
            if how.isEmpty { return Words.say("“{to}” succeeded “{from}”", ["from": from, "to": to]) }
            return Words.say("“{to}” succeeded “{from}” ({how})", ["from": from, "to": to, "how": how.joined(separator: ", ")])
        }
    }

    public func validate(_ l: Link, keys: UniqueKeys? = nil) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        // Rules that look at other records name the link as a whole (`Store.betweenRecords`).
        if schools[l.from] == nil || schools[l.to] == nil { issues.append(FieldIssue("link", Words.say("the school no longer exists"))) }
        if l.from == l.to { issues.append(FieldIssue("to", Words.say("a school cannot be linked to itself"))) }
        switch l.relation {
        case .feeds:
            if l.how != nil { issues.append(FieldIssue("how", Words.say("only a successor says how it took over; a feed has phases"))) }
        case .lineage:
            if l.how == nil {
                issues.append(
                    FieldIssue(
                        "how", Words.say("say how: {ways}", ["ways": Self.either(Lineage.allCases.map(\.label))])))
            }
            if l.on == nil { issues.append(FieldIssue("on", Words.say("say when the successor took over"))) }
            if !l.phases.isEmpty { issues.append(FieldIssue("phases", Words.say("phases are for a feed, not a succession"))) }
            if l.from != l.to, isPredecessor(l.to, of: l.from) {
                issues.append(
                    FieldIssue(
                        "link",
                        Words.say(
                            "{earlier} is already a predecessor of {later}: it cannot also succeed it",
                            ["earlier": linkName(l.to), "later": linkName(l.from)])))
            }
        }
        if let twin = links.values.first(where: { $0.id != l.id && $0.from == l.from && $0.to == l.to && $0.relation == l.relation }) {
            issues.append(FieldIssue("link", Words.say("{link} is already recorded", ["link": linkPhrase(twin)])))
        }
        return issues
    }

    /// "merged, split, amalgamated or converted", in the session's language.
    static func either(_ words: [String]) -> String {
        guard let last = words.last else { return "" }
        guard words.count > 1 else { return last }
        return Words.say("{list} or {last}", ["list": words.dropLast().joined(separator: ", "), "last": last])
    }

    private func linkName(_ school: String) -> String { "“\(schools[school]?.name ?? school)”" }

    /// Whether `earlier` is among the schools `school` took over from, however far back.
    func isPredecessor(_ earlier: String, of school: String) -> Bool {
        var seen: Set<String> = [school]
        var queue = [school]
        while let next = queue.popLast() {
            for l in links.values where l.relation == .lineage && l.to == next {
                if l.from == earlier { return true }
                if seen.insert(l.from).inserted { queue.append(l.from) }
            }
        }
        return false
    }
}
