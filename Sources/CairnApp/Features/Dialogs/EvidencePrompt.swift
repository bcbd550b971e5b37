import CairnCore
import TermUI

/// Space on an open checkpoint: the evidence of the tick, typed on one line; Enter asks the
/// rule book to tick it (`World.perform(.tick(…))`, in CairnCore/RuleBook/World+Perform.swift).
public struct EvidencePrompt: Screen {
    public enum Action: Sendable, Equatable {
        case tick, cancel, clear
        case edit(Key)
    }

    public var checkpoint: String
    public var title: String
    public var field = TextField()
    public var asker: ScreenID

    public init(checkpoint: String, title: String, asker: ScreenID) {
        self.checkpoint = checkpoint
        self.title = title
        self.asker = asker
    }

    public var isOverlay: Bool { true }
    public func crumb(_ env: AppEnvironment) -> String { "Tick off" }
    public func isStale(in world: World) -> Bool { world.checkpoints[checkpoint] == nil }

    public func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        [
            KeyBinding([.enter], "Enter", "tick it", .tick, essential: true),
            KeyBinding([.escape], "Esc", "cancel", .cancel, essential: true),
            KeyBinding([.ctrl("u")], "Ctrl-U", "clear", .clear, footer: false),
        ]
    }

    public func typed(_ key: Key) -> Action? {
        var probe = field
        return probe.handle(key) ? .edit(key) : nil
    }

    public mutating func update(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        switch action {
        case .tick:
            do {
                let outcome = try context.env.world.perform(.tick(checkpoint: checkpoint, evidence: field.text), by: context.env.author)
                return [.close(context.id), .commit(outcome, replyTo: asker, undoable: true)]
            } catch {
                return [.close(context.id), .say(Status("Not ticked: \(error.message)", isError: true))]
            }
        case .cancel: return [.close(context.id), .say(Status("Nothing changed"))]
        case .clear: field = TextField()
        case .edit(let key): _ = field.handle(key)
        }
        return []
    }

    public func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment) {
        let box = Rect(x: 4, y: area.height / 2 - 3, width: area.width - 8, height: 6)
        Layout.box(box, title: "Tick off", into: &canvas)
        canvas.put("Evidence for “\(title)” (optional), Enter ticks it:", x: box.x + 2, y: box.y + 1, maxWidth: box.width - 4)
        field.render(into: &canvas, x: box.x + 2, y: box.y + 3, width: box.width - 4, focused: true)
        canvas.put("Enter confirms · Esc cancels", x: box.x + 2, y: box.y + 4, style: .muted)
    }
}

extension EvidencePrompt {
    /// Space on a checkpoint: a prompt for the evidence of an open one, a question before
    /// reopening a done one.
    static func space(on id: String?, _ env: AppEnvironment, asker: ScreenID) -> Effect? {
        guard let id, let c = env.world.checkpoints[id] else { return nil }
        if let by = c.doneBy, let on = c.doneOn {
            let question = "Reopen “\(c.title)”, ticked by \(by) on \(on)? (y/n)"
            return .push(ScreenBox(ConfirmScreen(question: question, deed: .perform(.reopen(checkpoint: id)), asker: asker)))
        }
        return .push(ScreenBox(EvidencePrompt(checkpoint: id, title: c.title, asker: asker)))
    }
}
