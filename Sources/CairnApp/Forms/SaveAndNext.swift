import CairnCore
import CairnWords
import TermUI

/// "Save and next" (Ctrl-N): a clerk entering a run of new records saves one and finds the
/// next form open, with what usually repeats (`FieldTraits.repeats`, in each kind's one
/// description) already filled in as it was.
extension FormState {
    /// The kind of record a run of this form makes, or nil where a form saves one thing: an
    /// edit, a tick, a school or agency made in the member picker (whose role comes next).
    var runKind: RecordKind? {
        switch purpose {
        case .cluster(nil): return .cluster
        case .school(nil, nil): return .school
        case .agency(nil, nil): return .agency
        case .checkpoint(nil, _): return .checkpoint
        case .goal(nil, _): return .goal
        case .action(nil, _): return .action
        default: return nil
        }
    }

    /// An empty form for the next record of the run, keeping each field the kind repeats as
    /// it was chosen or typed here; a kept text is offered, so the first character typed
    /// replaces it. Nil when the form makes no run.
    func nextInRun(_ world: World) -> FormState? {
        guard let kind = runKind else { return nil }
        var next: FormState
        switch purpose {
        case .cluster: next = RecordForms.cluster(nil)
        case .school: next = RecordForms.school(nil)
        case .agency: next = RecordForms.agency(nil)
        case .checkpoint(_, let cluster):
            // Added from Home, the form asks for the cluster: the next one asks again.
            let asks = field("cluster") != nil
            next = RecordForms.checkpoint(nil, cluster: asks ? value("cluster") : cluster, world: world, chooseCluster: asks)
        case .goal(_, let cluster): next = FrameworkForms.goal(nil, cluster: cluster, world: world)
        case .action(_, let cluster): next = FrameworkForms.action(nil, cluster: cluster, goal: nil, world: world)
        default: return nil
        }
        let kept = RecordFields.repeating(of: kind)
        for i in next.fields.indices where kept.contains(next.fields[i].key) {
            guard var field = field(next.fields[i].key), field.kind == next.fields[i].kind else { continue }
            if case .text = field.kind { field.text = TextField(field.text.text, offered: !field.text.text.isEmpty) }
            next.fields[i] = field
        }
        return next
    }

    /// What the record is called, for saying it was saved: the first field holds it.
    var recordName: String { fields.first?.value ?? "" }
}

/// What the status line says once a record of a run is saved and the next form is open.
enum RunWords {
    /// "Saved “Escola Básica nº 2”. Next: (2 schools saved in this run)".
    static func saved(_ name: String, kind: RecordKind, count: Int) -> String {
        let values = ["name": name]
        switch kind {
        case .school:
            return Words.count(
                "Saved “{name}”. Next: ({count} school saved in this run)", "Saved “{name}”. Next: ({count} schools saved in this run)",
                count, values)
        case .agency:
            return Words.count(
                "Saved “{name}”. Next: ({count} agency saved in this run)", "Saved “{name}”. Next: ({count} agencies saved in this run)",
                count, values)
        case .cluster:
            return Words.count(
                "Saved “{name}”. Next: ({count} cluster saved in this run)", "Saved “{name}”. Next: ({count} clusters saved in this run)",
                count, values)
        case .checkpoint:
            return Words.count(
                "Saved “{name}”. Next: ({count} checkpoint saved in this run)",
                "Saved “{name}”. Next: ({count} checkpoints saved in this run)", count, values)
        case .goal:
            return Words.count(
                "Saved “{name}”. Next: ({count} goal saved in this run)", "Saved “{name}”. Next: ({count} goals saved in this run)", count,
                values)
        case .action:
            return Words.count(
                "Saved “{name}”. Next: ({count} action saved in this run)", "Saved “{name}”. Next: ({count} actions saved in this run)",
                count, values)
        default:
            return Words.count(
                "Saved “{name}”. Next: ({count} record saved in this run)", "Saved “{name}”. Next: ({count} records saved in this run)",
                count, values)
        }
    }
}
