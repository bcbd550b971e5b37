import CairnCore

/// A health check whole, for the pager: its score, then every condition and challenge with its
/// rating, the change since the check before it, and its note in full.
enum HealthText {
    static func lines(_ a: Assessment, in w: World) -> [String] {
        let all = w.assessments(of: a.cluster)
        let before = all.firstIndex { $0.id == a.id }.flatMap { $0 + 1 < all.count ? all[$0 + 1] : nil }
        var lines = [
            "Health check of \(a.date) by \(a.by)", w.clusters[a.cluster]?.name ?? "",
            a.score.map { String(format: "Score %.1f of 4 (1 fragile, 4 solid)", $0) } ?? "Not rated", "",
        ]
        if let before { lines.append("Change beside each rating is since the check of \(before.date).") }
        for item in HealthItem.allCases {
            let rating = a.rating(item).map { "\($0) of 4" } ?? "not rated"
            var change = ""
            if let now = a.rating(item), let then = before?.rating(item) {
                change = now == then ? " (=)" : now > then ? " (+\(now - then))" : " (−\(then - now))"
            }
            lines.append("")
            lines.append((item.isChallenge ? "Against " : "") + item.label + ": " + rating + change)
            let note = a.note(item)
            if note.isEmpty { lines.append("    no note") }
            for part in note.split(separator: "\n", omittingEmptySubsequences: false) where !note.isEmpty { lines.append("    " + part) }
        }
        return lines
    }
}
