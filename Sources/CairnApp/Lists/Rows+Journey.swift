import CairnCore
import CairnWords
import TermUI

/// A cluster's learning journey as a list: each phase of the pupils' path with the schools that
/// teach it and where their pupils go on to; a phase no school teaches, marked.
extension Rows {
    static let journeyColumns = [Column("Phase", width: 16), Column("School"), Column("Goes on to", width: 30)]

    /// The row id of a school under a phase: the phase, a bar, the school's id.
    static func journeySchool(_ rowID: String) -> String? {
        guard let bar = rowID.firstIndex(of: "|") else { return nil }
        let school = rowID[rowID.index(after: bar)...]
        return school.isEmpty ? nil : String(school)
    }

    static func journey(_ j: LearningJourney, in w: World) -> [ListRow] {
        var rows: [ListRow] = []
        /// The feeds that start at this phase (a feed says its phases as pupils go); one that
        /// says none, on the school's last phase.
        func goesOn(_ school: String, at phase: Phase?) -> String {
            let last = w.schools[school]?.phases.max { (LearningJourney.step($0) ?? -1) < (LearningJourney.step($1) ?? -1) }
            return (j.feeds[school] ?? []).filter { l in l.phases.first.map { $0 == phase } ?? (phase == last) }.map { l in
                let name = w.schools[l.to]?.name ?? l.to
                return j.leaving.contains(l) ? Words.say("{school} (outside)", ["school": name]) : name
            }.joined(separator: ", ")
        }
        for stage in j.stages {
            if stage.isMissing {
                rows.append(
                    ListRow(
                        id: stage.phase.rawValue + "|",
                        cells: [stage.phase.label, Words.say("no school"), Words.say("the path breaks here")],
                        style: Style(.overdue, bold: true)))
                continue
            }
            for (i, s) in stage.schools.enumerated() {
                rows.append(
                    ListRow(
                        id: "\(stage.phase.rawValue)|\(s.id)",
                        cells: [i == 0 ? stage.phase.label : "", s.name, goesOn(s.id, at: stage.phase)]))
            }
        }
        for (i, s) in j.unplaced.enumerated() {
            rows.append(
                ListRow(
                    id: "unplaced|\(s.id)", cells: [i == 0 ? Words.say("phase not said") : "", s.name, goesOn(s.id, at: nil)], style: .muted
                ))
        }
        return rows
    }
}
