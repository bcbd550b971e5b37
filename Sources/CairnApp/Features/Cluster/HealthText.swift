import CairnCore
import CairnWords

/// A health check whole, for the pager: its score, then every condition and challenge with its
/// rating, the change since the check before it, and its note in full.
enum HealthText {
    static func lines(_ a: Assessment, in w: World) -> [String] {
        let all = w.assessments(of: a.cluster)
        let before = all.firstIndex { $0.id == a.id }.flatMap { $0 + 1 < all.count ? all[$0 + 1] : nil }
        var lines = [
            Words.say("Health check of {date} by {by}", ["date": a.date.description, "by": a.by]), w.clusters[a.cluster]?.name ?? "",
            a.score.map { Words.say("Score {score} of 4 (1 fragile, 4 solid)", ["score": String(format: "%.1f", $0)]) }
                ?? Words.say("Not rated"), "",
        ]
        if let before {
            lines.append(Words.say("Change beside each rating is since the check of {date}.", ["date": before.date.description]))
        }
        for item in HealthItem.allCases {
            let rating = a.rating(item).map { Words.say("{rating} of 4", ["rating": String($0)]) } ?? Words.say("not rated")
            var change = ""
            if let now = a.rating(item), let then = before?.rating(item) {
                change = now == then ? " (=)" : now > then ? " (+\(now - then))" : " (−\(then - now))"
            }
            lines.append("")
            let label = item.isChallenge ? Words.say("Against {challenge}", ["challenge": item.label]) : item.label
            lines.append(label + ": " + rating + change)
            let note = a.note(item)
            if note.isEmpty { lines.append("    " + Words.say("no note")) }
            for part in note.split(separator: "\n", omittingEmptySubsequences: false) where !note.isEmpty { lines.append("    " + part) }
        }
        return lines
    }
}
