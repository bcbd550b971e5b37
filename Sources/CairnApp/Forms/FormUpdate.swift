import CairnCore
import TermUI

extension AppState {
    mutating func handleForm(_ key: Key, _ form: FormState) -> [Effect] {
        var f = form
        switch key {
        case .escape:
            if f.dirty {
                modal = .confirm(question: "Discard what you typed in “\(f.title)”? (y/n)", onYes: .discardForm)
            } else {
                stack.removeLast()
            }
            return []
        case .enter:
            let result = FormSubmission.submit(f, world: world, today: today, user: user)
            if let first = result.issues.first {
                f.errors = Dictionary(result.issues.map { ($0.field, $0.message) }, uniquingKeysWith: { a, _ in a })
                f.focus = f.fields.firstIndex { $0.key == first.field } ?? f.focus
                replaceTop(.form(f))
                status = Status("Not saved: \(first.message)", isError: true)
                return []
            }
            stack.removeLast()
            if let next = result.next { stack.append(.form(next)) }
            return commit(result.changes, summary: result.summary, form: f)
        case .char("?") where !f.fields[f.focus].takesQuestionMark:
            showHelp(f.title, Bindings.form)
            return []
        default:
            if f.handle(key) { replaceTop(.form(f)) }
            return []
        }
    }
}
