import CairnCore
import CairnWords

/// Each move and each piece of work as an `Effect`, so that a screen writes `.push(box)` or
/// `.commit(…)` without saying which of the two kinds it is.
extension Effect {
    public static func push(_ box: ScreenBox) -> Effect { .stack(.push(box)) }
    public static func close(_ id: ScreenID) -> Effect { .stack(.close(id)) }
    public static func say(_ line: Status) -> Effect { .stack(.say(line)) }
    public static func undoLast(replyTo screen: ScreenID) -> Effect { .stack(.undoLast(replyTo: screen)) }
    public static let quit = Effect.stack(.quit)

    public static func commit(_ operation: DomainOperation, preview: Outcome, replyTo screen: ScreenID, undoable: Bool) -> Effect {
        .outside(.commit(operation, preview: preview, replyTo: screen, undoable: undoable))
    }
    public static func readExamples(replyTo screen: ScreenID) -> Effect { .outside(.readExamples(replyTo: screen)) }
    public static func readInspiration(replyTo screen: ScreenID) -> Effect { .outside(.readInspiration(replyTo: screen)) }
    public static func saveDraft(_ form: FormState) -> Effect { .outside(.saveDraft(form)) }
    public static let clearDraft = Effect.outside(.clearDraft)
    public static let discardLeftDraft = Effect.outside(.discardLeftDraft)
    public static func writePlan(cluster: String, replyTo screen: ScreenID) -> Effect {
        .outside(.writePlan(cluster: cluster, replyTo: screen))
    }
    public static func writeReport(cluster: String, replyTo screen: ScreenID) -> Effect {
        .outside(.writeReport(cluster: cluster, replyTo: screen))
    }
    public static func writeListCSV(_ csv: ListCSV) -> Effect { .outside(.writeListCSV(csv)) }

    public static func writeCalendar(cluster: String?, replyTo screen: ScreenID) -> Effect {
        .outside(.writeCalendar(cluster: cluster, replyTo: screen))
    }
    public static func previewImport(_ request: ImportRequest, replyTo screen: ScreenID) -> Effect {
        .outside(.previewImport(request, replyTo: screen))
    }
    public static func runImport(_ request: ImportRequest, replyTo screen: ScreenID) -> Effect {
        .outside(.runImport(request, replyTo: screen))
    }
    public static func continueImport(replyTo screen: ScreenID) -> Effect { .outside(.continueImport(replyTo: screen)) }
    public static func undoImport(run: String, summary: String, replyTo screen: ScreenID) -> Effect {
        .outside(.undoImport(run: run, summary: summary, replyTo: screen))
    }
    public static let sync = Effect.outside(.sync)
    public static func speak(_ language: Language) -> Effect { .outside(.speak(language)) }
    public static func readHistory(record: String?, since: String?, notBy: String? = nil, title: String, replyTo screen: ScreenID)
        -> Effect
    {
        .outside(.readHistory(record: record, since: since, notBy: notBy, title: title, replyTo: screen))
    }
}
