import CairnCore
import CairnWords
import TermUI

/// An open form. It closes only once the store has written what it made: until then (and
/// after a failed write) what was typed stays on screen.
public struct FormScreen: Screen {
    public enum Action: Sendable, Equatable {
        case save, nextField, previousField, clearField, cancel, help
        /// Ctrl-N: save, then open an empty form of the same kind keeping what usually repeats.
        case saveAndNext
        /// ←/→ or Space on a choice, a set of phases or a yes/no.
        case choose(Key)
        /// Typed into the focused field.
        case edit(Key)
    }

    public var form: FormState
    /// The form to open once this one is saved (a school made in the picker asks for its role).
    public var next: FormState?
    /// Sent to the store, not yet confirmed.
    public var saving = false
    /// How many records this run of "save and next" saved before this form opened.
    public var savedInRun = 0
    /// The save under way was Ctrl-N's: once it is written the next form of the run opens.
    public var continuesRun = false
    /// Set when another session deleted the record this form edits: said on the form, which
    /// stays open with its text (kept as a draft) and is never saved as a new record.
    public var deletedMeanwhile: String?

    public init(_ form: FormState) { self.form = form }

    public var draft: FormState? { form.dirty ? form : nil }
    public func crumb(_ env: AppEnvironment) -> String { form.title }
    public var minimumSize: TerminalSize { .projector }

    var focused: FormField { form.fields[form.focus] }
    var isChoice: Bool {
        if case .text = focused.kind { return false }
        if case .longText = focused.kind { return false }
        return true
    }

    public func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        // Only a form for a new record makes a run of them.
        let run =
            form.runKind == nil
            ? [] : [KeyBinding([.ctrl("n")], "Ctrl-N", Words.say("save and next"), Action.saveAndNext, enabled: !saving)]
        return [KeyBinding([.enter], "Enter", Words.say("save", context: "key"), .save, enabled: !saving)] + run + [
            KeyBinding([.tab, .down], "Tab/↓", Words.say("next field"), .nextField),
            // Ctrl-N takes its place in the footer: ↑ is plain enough.
            KeyBinding([.backTab, .up], "S-Tab/↑", Words.say("previous", context: "key"), .previousField, footer: form.runKind == nil),
            KeyBinding([.left, .right], "←/→", Words.say("choose", context: "key"), footer: isChoice, enabled: isChoice) { .choose($0) },
            KeyBinding([.char(" ")], "Space", Words.say("tick / toggle the choice"), footer: false, enabled: isChoice) { .choose($0) },
            KeyBinding([.escape], "Esc", Words.say("cancel", context: "key"), .cancel, essential: true),
            KeyBinding([.ctrl("u")], "Ctrl-U", Words.say("clear field"), .clearField, footer: false),
        ]
    }

    /// Once a text field holds text, `?` is a character to type.
    public func shared(_ env: AppEnvironment) -> SharedKeys<Action> {
        SharedKeys(help: .help, helpLabel: Words.say("the form's keys"), helpInFooter: false, helpEnabled: !focused.takesQuestionMark)
    }

    public func typed(_ key: Key) -> Action? {
        focused.takes(key) ? .edit(key) : nil
    }

    public mutating func update(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        switch action {
        case .save: return save(&context)
        case .saveAndNext:
            let effects = save(&context)
            continuesRun = saving
            return effects
        case .nextField: form.focus = (form.focus + 1) % form.fields.count
        case .previousField: form.focus = (form.focus + form.fields.count - 1) % form.fields.count
        case .clearField: edit(.ctrl("u"))
        case .choose(let key), .edit(let key): edit(key)
        case .cancel:
            guard form.dirty else { return [.close(context.id)] }
            let question = ConfirmScreen(
                question: Words.say("Discard what you typed in “{title}”? (y/n)", ["title": form.title]), deed: .discard(context.id),
                asker: context.id)
            return [.push(ScreenBox(question))]
        case .help: return [help(form.title, context.env)]
        }
        return []
    }

    private mutating func edit(_ key: Key) {
        if form.fields[form.focus].handle(key) {
            form.dirty = true
            form.errors[focused.key] = nil
            if focused.key == "relation" { form.fitLinkFields() }
        }
    }

    private mutating func save(_ context: inout ScreenContext) -> [Effect] {
        switch FormSubmission.submit(form, &context.env) {
        case .refused(let issues):
            form.errors = Dictionary(issues.map { ($0.field, $0.message) }, uniquingKeysWith: { a, _ in a })
            if let first = issues.first {
                form.focus = form.fields.firstIndex { $0.key == first.field } ?? form.focus
                return [.say(Status(Words.say("Not saved: {reason}", ["reason": first.message]), isError: true))]
            }
            return []
        case .warned(let issue, let key):
            form.confirmedWarning = key
            form.errors = [issue.field: issue.message]
            form.focus = form.fields.firstIndex { $0.key == issue.field } ?? form.focus
            return [.say(Status(Words.say("Check: {warning}", ["warning": issue.message]), isError: true))]
        case .ready(let operation, let outcome, let next):
            saving = true
            form.submitted = outcome.changes.compactMap { change -> String? in
                if case .put(let r) = change { return r.id }
                return nil
            }
            self.next = next
            return [.commit(operation, preview: outcome, replyTo: context.id, undoable: true)]
        }
    }

    public mutating func receive(_ event: ScreenEvent, _ context: inout ScreenContext) -> [Effect] {
        switch event {
        case .committed:
            if continuesRun, let kind = form.runKind, let following = form.nextInRun(context.env.world) {
                var screen = FormScreen(following)
                screen.savedInRun = savedInRun + 1
                return [
                    .close(context.id), .push(ScreenBox(screen)),
                    .say(Status(RunWords.saved(form.recordName, kind: kind, count: screen.savedInRun))),
                ]
            }
            return [.close(context.id)] + (next.map { [RecordDoors.open($0)] } ?? [])
        case .commitFailed:
            saving = false
            continuesRun = false
            return []
        case .examplesRead, .examplesFailed, .inspirationRead, .reportWritten, .reportFailed, .calendarWritten, .importPreviewed,
            .importFailed,
            .importProgress, .importWritten:
            return []
        }
    }

    public mutating func refresh(_ env: AppEnvironment) {
        guard let (kind, id) = form.purpose.edited else { return }
        // The first refresh is the push, on the world the form was filled from.
        if form.basis == nil, let r = env.world.record(kind, id: id) { form.basis = r.fieldValues }
        deletedMeanwhile =
            env.world.record(kind, id: id) == nil
            ? Words.say(
                "{gone}. Your text stays here and in your drafts; it cannot be saved over it.", ["gone": env.world.goneMessage(kind, id)])
            : nil
    }

    public func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment) {
        form.render(into: &canvas, area: area)
        if let deletedMeanwhile {
            let lines = Layout.wrap(deletedMeanwhile, width: max(1, area.width - 2))
            for (i, line) in lines.prefix(2).enumerated() {
                canvas.put(line, x: 1, y: area.maxY - min(2, lines.count) + i, maxWidth: area.width - 2, style: .error)
            }
        }
    }
}
