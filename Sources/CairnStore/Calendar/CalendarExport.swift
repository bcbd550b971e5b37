import CairnCore
import CairnWords
import Foundation

/// `cairn export --format ics` and `c` on a cluster: what is due, as a calendar people already
/// use can show it. Each open checkpoint (on its due day), goal deadline and open action's due
/// day is one all-day event, or with `todo` one VTODO item (Outlook and Thunderbird show only
/// events, so events are the default).
///
/// A UID is the record's id, so a calendar that subscribes to the file updates an item when it
/// changes and drops it when it is ticked off, instead of adding a second copy.
public enum CalendarExport {
    public enum What: String, CaseIterable, Sendable {
        case checkpoints, goals, actions
    }

    /// One dated thing, before it is written as iCalendar.
    public struct Item: Sendable, Equatable {
        public var uid: String
        public var day: Day
        /// What the item is, which orders the items of one day whatever the language.
        public var kind: What
        /// The kind as a calendar program shows it, in the session's language.
        public var category: String
        public var summary: String
        public var description: [String]
        /// The VTODO status: NEEDS-ACTION, IN-PROCESS or COMPLETED.
        public var todoStatus: String
    }

    /// The items of `clusters` (nil: every cluster), by day, then kind, then id, so that two
    /// exports of one world are the same file but for DTSTAMP.
    public static func items(_ w: World, clusters: Set<String>?, what: Set<What>, today: Day) -> [Item] {
        func included(_ cluster: String) -> Bool { clusters?.contains(cluster) ?? true }
        func clusterName(_ id: String) -> String { w.clusters[id]?.name ?? Words.say("(removed cluster)", context: "calendar") }
        func line(_ label: String, _ value: String) -> String {
            Words.say("{label}: {value}", context: "calendar", ["label": label, "value": value])
        }
        let status = Words.say("Status", context: "calendar")
        func member(_ id: String?) -> String? { id.flatMap { w.memberships[$0] }.map { w.memberName($0) } }
        var items: [Item] = []
        if what.contains(.checkpoints) {
            for c in w.checkpoints.values where !c.isDone && included(c.cluster) {
                var lines = [
                    Words.say("Checkpoint of {cluster}", context: "calendar", ["cluster": clusterName(c.cluster)]),
                    line(status, c.status(on: today).label.lowercased()),
                ]
                if let m = member(c.concerns) { lines.append(line(Words.say("Concerns", context: "calendar"), m)) }
                if let g = c.goal.flatMap({ w.goals[$0] }) {
                    lines.append(line(Words.say("Asks for a measurement of", context: "calendar"), g.indicator))
                }
                items.append(
                    Item(
                        uid: c.id, day: c.due, kind: .checkpoints, category: Words.say("Checkpoint", context: "calendar"),
                        summary: "\(c.title) — \(clusterName(c.cluster))", description: lines, todoStatus: "NEEDS-ACTION"))
            }
        }
        if what.contains(.goals) {
            for g in w.goals.values where included(g.cluster) {
                guard let deadline = g.deadline else { continue }
                let p = w.progress(of: g, on: today)
                let n = { (v: Double) in World.amount(v, unit: g.unit) }
                var lines = [
                    Words.say("Goal deadline of {cluster}", context: "calendar", ["cluster": clusterName(g.cluster)]),
                    line(status, p.status.label), line(Words.say("Indicator", context: "calendar"), g.indicator),
                ]
                if let t = g.target {
                    let target = Words.say("Target", context: "calendar")
                    lines.append(
                        g.baseline.map {
                            line(
                                target,
                                Words.say("{target} (baseline {baseline})", context: "calendar", ["target": n(t), "baseline": n($0)]))
                        } ?? line(target, n(t)))
                }
                if let latest = p.latest {
                    let value = Words.say("{value} on {day}", context: "calendar", ["value": n(latest.value), "day": "\(latest.date)"])
                    lines.append(line(Words.say("Latest", context: "calendar"), value))
                }
                if let m = member(g.owner) { lines.append(line(Words.say("Owner", context: "calendar"), m)) }
                let summary = Words.say(
                    "Goal deadline: {goal} — {cluster}", context: "calendar", ["goal": g.statement, "cluster": clusterName(g.cluster)])
                items.append(
                    Item(
                        uid: g.id, day: deadline, kind: .goals, category: Words.say("Goal", context: "calendar"), summary: summary,
                        description: lines, todoStatus: p.status == .achieved ? "COMPLETED" : "NEEDS-ACTION"))
            }
        }
        if what.contains(.actions) {
            for a in w.actions.values where included(a.cluster) && a.status != .completed && a.status != .discontinued {
                guard let due = a.due else { continue }
                var lines = [
                    Words.say("Action of {cluster}", context: "calendar", ["cluster": clusterName(a.cluster)]),
                    line(status, a.status.label),
                ]
                if let m = member(a.responsible) { lines.append(line(Words.say("Responsible", context: "calendar"), m)) }
                if let g = a.goal.flatMap({ w.goals[$0] }) {
                    lines.append(line(Words.say("Serves the goal", context: "calendar"), g.statement))
                }
                items.append(
                    Item(
                        uid: a.id, day: due, kind: .actions, category: Words.say("Action", context: "calendar"),
                        summary: "\(a.description) — \(clusterName(a.cluster))", description: lines,
                        todoStatus: a.status == .inProgress ? "IN-PROCESS" : "NEEDS-ACTION"))
            }
        }
        // Sorted by small keys, not by moving the items themselves (66,000 on a national store).
        let kindOrder: [What: Int] = [.checkpoints: 0, .goals: 1, .actions: 2]
        let keys = items.indices.map { (items[$0].day.ordinal, kindOrder[items[$0].kind]!, items[$0].uid, $0) }
        return keys.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.map { items[$0.3] }
    }

    /// The calendar file: UTF-8, CRLF line ends, lines folded at 75 octets.
    public static func data(_ items: [Item], name: String, todo: Bool, stamp: Date) -> Data {
        let dtstamp = timestamp(stamp)
        var out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Cairn//Cairn school collaboration//EN\r\nCALSCALE:GREGORIAN\r\n"
        out += "METHOD:PUBLISH\r\n"
        out += ICalendarText.line("X-WR-CALNAME", ICalendarText.escape(name))
        for item in items {
            out += todo ? "BEGIN:VTODO\r\n" : "BEGIN:VEVENT\r\n"
            out += ICalendarText.line("UID", item.uid + "@cairn")
            out += "DTSTAMP:\(dtstamp)\r\n"
            if todo {
                out += "DUE;VALUE=DATE:\(compact(item.day))\r\n"
                out += "STATUS:\(item.todoStatus)\r\n"
            } else {
                out += "DTSTART;VALUE=DATE:\(compact(item.day))\r\n"
                // DTEND is the day after. The last day a DATE can hold (9999-12-31) has none, so
                // it goes without: a DATE start with no end lasts the day (RFC 5545 §3.6.1).
                if item.day < lastDay { out += "DTEND;VALUE=DATE:\(compact(item.day.adding(days: 1)))\r\n" }
                // A deadline takes no time from the day: free, not busy.
                out += "TRANSP:TRANSPARENT\r\n"
            }
            out += ICalendarText.line("SUMMARY", ICalendarText.escape(item.summary))
            out += ICalendarText.line("DESCRIPTION", ICalendarText.escape(item.description.joined(separator: "\n")))
            out += ICalendarText.line("CATEGORIES", ICalendarText.escape(item.category))
            out += todo ? "END:VTODO\r\n" : "END:VEVENT\r\n"
        }
        out += "END:VCALENDAR\r\n"
        return Data(out.utf8)
    }

    /// 9999-12-31: a DATE has four digits of year.
    static let lastDay = Day(year: 9999, month: 12, day: 31)!

    /// `20261215`: a DATE value.
    static func compact(_ day: Day) -> String { String(decoding: day.description.utf8.filter { $0 != UInt8(ascii: "-") }, as: UTF8.self) }

    /// `20261202T142501Z`: a DATE-TIME in UTC.
    static func timestamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = Day(ordinal: Int((Double(seconds) / 86_400).rounded(.down)))
        let rest = seconds - day.ordinal * 86_400
        return compact(day) + String(format: "T%02d%02d%02dZ", rest / 3600, rest % 3600 / 60, rest % 60)
    }
}
