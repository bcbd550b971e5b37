import CairnCore
import CairnWords
import TermUI

/// A yes/no question over the screen that asked it; nothing happens until it is answered.
public struct ConfirmScreen: Screen {
    /// What "yes" does.
    public enum Deed: Sendable, Equatable {
        /// Ask the rule book for this operation (against the world as it is when answered) and commit it.
        case perform(DomainOperation)
        /// Close a form without saving what was typed.
        case discard(ScreenID)
        /// Reopen the draft a previous session left.
        case restoreDraft(FormState)
        /// Read the example clusters into a store that already has records.
        case readExamples
    }

    public enum Action: Sendable, Equatable { case yes, no, help }

    public var question: String
    public var deed: Deed
    /// The screen that asked: the commit's reply goes to it.
    public var asker: ScreenID

    public init(question: String, deed: Deed, asker: ScreenID) {
        self.question = question
        self.deed = deed
        self.asker = asker
    }

    public var isOverlay: Bool { true }
    public var minimumSize: TerminalSize { .projector }
    public func crumb(_ env: AppEnvironment) -> String { Words.say("Confirm") }

    public func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        [
            KeyBinding([.char("y"), .char("Y")], "y", Words.say("yes", context: "key"), .yes, essential: true),
            KeyBinding([.char("n"), .char("N"), .escape], "n/Esc", Words.say("no", context: "key"), .no, essential: true),
        ]
    }

    public func shared(_ env: AppEnvironment) -> SharedKeys<Action> {
        SharedKeys(help: .help, helpLabel: Words.say("these keys"), helpInFooter: false)
    }

    public mutating func update(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        let close = Effect.close(context.id)
        switch (action, deed) {
        case (.yes, .perform(let operation)):
            do {
                let outcome = try context.env.world.perform(operation, by: context.env.author)
                return [close, .commit(operation, preview: outcome, replyTo: asker, undoable: true)]
            } catch {
                return [close, .say(Status(Words.say("Not done: {reason}", ["reason": error.message]), isError: true))]
            }
        case (.yes, .discard(let form)): return [close, .close(form), .say(Status(Words.say("Form closed; nothing saved")))]
        case (.yes, .restoreDraft(let form)): return [close, RecordDoors.open(form), .discardLeftDraft]
        case (.yes, .readExamples): return [close, .say(Status(Words.say("Loading the example clusters…"))), .readExamples(replyTo: asker)]
        case (.no, .restoreDraft): return [close, .say(Status(Words.say("Draft discarded"))), .discardLeftDraft]
        case (.no, _): return [close, .say(Status(Words.say("Nothing changed")))]
        case (.help, _): return [help(Words.say("Confirm"), context.env)]
        }
    }

    public func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment) {
        let lines = Layout.wrap(question, width: area.width - 16)
        let box = Rect(x: 6, y: area.height / 2 - 2, width: area.width - 12, height: lines.count + 4)
        Layout.box(box, title: Words.say("Confirm"), into: &canvas)
        for (i, line) in lines.enumerated() { canvas.put(line, x: box.x + 2, y: box.y + 2 + i, style: .accent) }
        canvas.placeCursor(x: box.x + 2, y: box.y + 2)
    }
}
