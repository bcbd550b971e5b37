import CairnCore
import Foundation
import Testing

@testable import CairnStore

@Suite struct CalendarExportTests {
    let today = Day(iso: "2026-12-02")!

    func world() -> World {
        var w = World()
        w.apply([
            .put(.cluster(Cluster(id: "c", name: "Kāhui Ako ō Ōtautahi"))),
            .put(.cluster(Cluster(id: "d", name: "Łódź"))),
            .put(.school(School(id: "s", name: "Þingeyjarskóli"))),
            .put(.membership(Membership(id: "m", cluster: "c", memberType: .school, memberId: "s"))),
            .put(.checkpoint(Checkpoint(id: "open", cluster: "c", title: "Term review", due: Day(iso: "2026-12-10")!, concerns: "m"))),
            .put(
                .checkpoint(Checkpoint(id: "done", cluster: "c", title: "Met", due: Day(iso: "2026-11-10")!, doneOn: today, doneBy: "ana"))),
            .put(
                .goal(
                    Goal(
                        id: "g", cluster: "c", statement: "Attendance up", indicator: "attendance rate", unit: "%", baseline: 80,
                        target: 90, deadline: Day(iso: "2027-06-30")!))),
            .put(.goal(Goal(id: "undated", cluster: "c", statement: "Wellbeing", indicator: "survey"))),
            .put(.action(Action(id: "a", cluster: "d", description: "Call home", responsible: nil, due: Day(iso: "2026-12-20")!))),
            .put(
                .action(
                    Action(id: "finished", cluster: "d", description: "Done already", due: Day(iso: "2026-12-01")!, status: .completed))),
        ])
        return w
    }

    @Test func open_checkpoints_goal_deadlines_and_open_actions_are_the_items_by_day() {
        let items = CalendarExport.items(world(), clusters: nil, what: Set(CalendarExport.What.allCases), today: today)
        #expect(items.map(\.uid) == ["open", "a", "g"])
        #expect(items[0].summary == "Term review — Kāhui Ako ō Ōtautahi")
        #expect(items[0].description == ["Checkpoint of Kāhui Ako ō Ōtautahi", "Status: due soon", "Concerns: Þingeyjarskóli"])
        #expect(items[2].description.contains("Target: 90% (baseline 80%)"))
        #expect(items[2].description.contains("Indicator: attendance rate"))
        let one = CalendarExport.items(world(), clusters: ["d"], what: [.checkpoints, .actions], today: today)
        #expect(one.map(\.uid) == ["a"])
    }

    @Test func text_is_escaped_and_lines_fold_at_75_octets_without_splitting_a_character() {
        #expect(ICalendarText.escape("a;b,c\\d\ne\r\nf\u{7}g") == "a\\;b\\,c\\\\d\\ne\\nfg")
        let long = String(repeating: "漢", count: 40)  // 3 octets each
        let folded = ICalendarText.line("SUMMARY", long)
        #expect(folded.hasSuffix("\r\n"))
        let lines = Array(folded.components(separatedBy: "\r\n").dropLast())
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines[0].utf8.count == 8 + 22 * 3)  // "SUMMARY:" and 22 whole characters
        #expect(lines[1].hasPrefix(" ") && String(lines[1].dropFirst()) == String(repeating: "漢", count: 18))
        #expect(ICalendarText.line("UID", "x") == "UID:x\r\n")
    }

    @Test func the_file_has_its_frame_dates_and_stamp() {
        let items = CalendarExport.items(world(), clusters: nil, what: [.checkpoints], today: today)
        let stamp = Date(timeIntervalSince1970: 1_796_182_245)  // 2026-12-02 03:30:45 UTC
        let text = String(decoding: CalendarExport.data(items, name: "Cairn: test", todo: false, stamp: stamp), as: UTF8.self)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(text.hasSuffix("END:VEVENT\r\nEND:VCALENDAR\r\n"))
        #expect(text.contains("UID:open@cairn\r\nDTSTAMP:20261202T033045Z\r\nDTSTART;VALUE=DATE:20261210\r\nDTEND;VALUE=DATE:20261211\r\n"))
        let todo = String(decoding: CalendarExport.data(items, name: "x", todo: true, stamp: stamp), as: UTF8.self)
        #expect(todo.contains("BEGIN:VTODO\r\n") && todo.contains("DUE;VALUE=DATE:20261210\r\nSTATUS:NEEDS-ACTION\r\n"))
        #expect(!todo.contains("VEVENT"))
    }

    /// A DATE holds years 1 to 9999: the first day, leap days and the last day each make a
    /// valid all-day event; the last, whose next day no DATE can hold, ends with no DTEND.
    @Test func the_first_day_leap_days_and_the_last_day_are_valid_all_day_events() {
        var w = World()
        w.apply(.put(.cluster(Cluster(id: "c", name: "Edges"))))
        let days = ["0001-01-01", "2024-02-29", "2100-02-28", "2400-02-29", "9999-12-30", "9999-12-31"]
        for day in days {
            w.apply(.put(.checkpoint(Checkpoint(id: "chk-\(day)", cluster: "c", title: day, due: Day(iso: day)!))))
        }
        let items = CalendarExport.items(w, clusters: nil, what: [.checkpoints], today: Day(iso: "0001-01-01")!)
        let text = String(
            decoding: CalendarExport.data(items, name: "x", todo: false, stamp: Date(timeIntervalSince1970: 0)), as: UTF8.self)
        let ends = [
            "0001-01-01": "DTEND;VALUE=DATE:00010102", "2024-02-29": "DTEND;VALUE=DATE:20240301", "2100-02-28": "DTEND;VALUE=DATE:21000301",
            "2400-02-29": "DTEND;VALUE=DATE:24000301", "9999-12-30": "DTEND;VALUE=DATE:99991231",
        ]
        for day in days {
            let start = "DTSTART;VALUE=DATE:\(day.replacingOccurrences(of: "-", with: ""))\r\n"
            let event = text.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("UID:chk-\(day)@cairn") } ?? ""
            #expect(event.contains(start), "\(day): \(event)")
            if let end = ends[day] {
                #expect(event.contains(start + end + "\r\n"), "\(day): \(event)")
            } else {
                #expect(!event.contains("DTEND") && !event.contains("DURATION"), "\(day): \(event)")
            }
        }
        #expect(!text.contains("00000101") && !text.contains("10000"))
    }
}

@Suite struct MonitoringCSVTests {
    @Test func measurements_and_assessments_are_tables_by_cluster() throws {
        var w = World()
        w.apply([
            .put(.cluster(Cluster(id: "c", name: "Gent"))),
            .put(.goal(Goal(id: "g", cluster: "c", statement: "Fewer leavers", indicator: "early leaving", unit: "%"))),
            .put(.measurement(Measurement(id: "m2", goal: "g", value: -2.5, date: Day(iso: "2026-10-01")!, by: "ana", source: "=sum"))),
            .put(.measurement(Measurement(id: "m1", goal: "g", value: 7, date: Day(iso: "2026-04-01")!, by: "ana"))),
            .put(
                .assessment(
                    Assessment(
                        id: "x", cluster: "c", date: Day(iso: "2026-11-25")!, by: "ben", ratings: [.leadership: 4, .power: 2],
                        notes: [.power: "the city decides alone"]))),
        ])
        let m = CSVExport.rows(.measurements, world: w, today: Day(iso: "2026-12-02")!)
        #expect(
            m[0] == ["id", "cluster", "clusterName", "goal", "statement", "indicator", "date", "value", "unit", "by", "source", "ticked"])
        #expect(m.dropFirst().map { $0[0] } == ["m1", "m2"])
        let written = String(decoding: try CSVExport.data(m), as: UTF8.self)
        #expect(written.contains(",-2.5,%,ana,'=sum,"), "a number stays a number, a formula becomes text")
        let a = CSVExport.rows(.assessments, world: w, today: Day(iso: "2026-12-02")!)
        let row = Dictionary(uniqueKeysWithValues: zip(a[0], a[1]))
        #expect(row["leadership"] == "4" && row["power"] == "2" && row["powerNote"] == "the city decides alone" && row["funding"] == "")
        #expect(row["date"] == "2026-11-25" && row["by"] == "ben" && row["clusterName"] == "Gent")
    }
}
