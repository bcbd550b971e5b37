import CairnCore
import CairnWords
import TermUI

/// One checkpoint whole: when it is due, where it stands, whom it concerns, what it asks to be
/// measured, and once ticked who did it, on which day, on what evidence. `e` corrects the day
/// and the evidence (as new events: `h` keeps the old ones).
public struct CheckpointScreen: Screen {
    public enum Action: Sendable, Equatable {
        case tick, edit, delete, history, openCluster, undo, help, back
    }

    public var id: String

    public init(id: String) { self.id = id }

    public var minimumSize: TerminalSize { .projector }
    public func crumb(_ env: AppEnvironment) -> String { env.world.checkpoints[id]?.title ?? Words.say("checkpoint", context: "record") }
    public func isStale(in world: World) -> Bool { world.checkpoints[id] == nil }

    public func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        let done = env.world.checkpoints[id]?.isDone ?? false
        return [
            KeyBinding([.char(" ")], "Space", done ? Words.say("reopen") : Words.say("tick"), .tick),
            KeyBinding([.char("e")], "e", done ? Words.say("edit, correct the tick") : Words.say("edit"), .edit),
            KeyBinding([.char("h")], "h", Words.say("history"), .history),
            KeyBinding([.char("d")], "d", Words.say("del"), .delete),
            KeyBinding([.char("c")], "c", Words.say("its cluster"), .openCluster, footer: false),
        ]
    }

    public func shared(_ env: AppEnvironment) -> SharedKeys<Action> { SharedKeys(undo: .undo, help: .help, back: .back) }

    public mutating func update(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        let env = context.env
        switch action {
        case .tick: return RecordDoors.tickOrReopen(id, env, asker: context.id).map { [$0] } ?? []
        case .edit: return RecordDoors.editor(.checkpoint, id: id, env).map { [$0] } ?? []
        case .delete: return RecordDoors.confirmDelete(.checkpoint, id: id, env, asker: context.id).map { [$0] } ?? []
        case .history: return RecordDoors.history(.checkpoint, id: id, env, asker: context.id).map { [$0] } ?? []
        case .openCluster:
            guard let c = env.world.checkpoints[id] else { return [] }
            var cluster = ClusterScreen(clusterID: c.cluster, tab: .checkpoints)
            cluster.select = id
            return [.push(ScreenBox(cluster))]
        case .undo: return [.undoLast(replyTo: context.id)]
        case .help: return [help(Words.say("Checkpoint", context: "title"), env)]
        case .back: return [.close(context.id)]
        }
    }

    /// The facts, label and value, as the screen lists them.
    static func facts(_ c: Checkpoint, _ w: World, today: Day) -> [(String, String)] {
        let status = c.status(on: today)
        let concerns = c.concerns.flatMap { w.memberships[$0] }.map { w.memberName($0) }
        let goal = c.goal.flatMap { w.goals[$0] }?.statement
        var facts = [
            (Words.say("Cluster", context: "column"), w.clusters[c.cluster]?.name ?? "—"),
            (Words.say("Due", context: "column"), c.due.description),
            (Words.say("Status", context: "column"), "\(status.mark) \(status.label)"), (Words.say("Concerns"), concerns ?? "—"),
            (Words.say("Asks to measure"), goal ?? "—"),
        ]
        if c.isDone || c.doneBy != nil {
            facts += [
                (Words.say("Done on"), c.doneOn?.description ?? Words.say("day unknown")),
                (Words.say("Done by", context: "column"), c.doneBy ?? "—"),
            ]
        }
        facts.append(
            (
                Words.say("Evidence", context: "column"),
                c.evidence.flatMap { $0.isEmpty ? nil : $0 } ?? (c.isDone ? Words.say("none given") : "—")
            ))
        return facts
    }

    public func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment) {
        guard let c = env.world.checkpoints[id] else { return }
        canvas.put(c.title, x: 1, y: area.y, maxWidth: area.width - 2, style: .title)
        canvas.put(Words.say("checkpoint", context: "record"), x: 1, y: area.y + 1, style: .muted)
        let valueX = 19
        let width = max(10, area.width - valueX - 1)
        var y = area.y + 2
        let statusLabel = Words.say("Status", context: "column")
        let hint =
            c.isDone
            ? Words.say("e corrects the day it was done and its evidence · h shows every change")
            : Words.say("Space ticks it off, with its evidence and the day it was done")
        // The hint whole, over the two last lines when a language needs them.
        let hintLines = Array(Layout.wrap(hint, width: area.width - 2).prefix(2))
        let factsEnd = area.maxY - hintLines.count
        for (label, value) in Self.facts(c, env.world, today: env.today) where y < factsEnd {
            canvas.put(label, x: 2, y: y, maxWidth: valueX - 3, style: .muted)
            // Every value whole: long evidence wraps onto the lines below its label.
            for line in Layout.wrap(Text.visible(value), width: width) where y < factsEnd {
                let style: Style = label == statusLabel ? Rows.style(c.status(on: env.today)) ?? .plain : .plain
                canvas.put(line, x: valueX, y: y, maxWidth: width, style: style)
                y += 1
            }
        }
        for (i, line) in hintLines.enumerated() {
            canvas.put(line, x: 1, y: factsEnd + i, maxWidth: area.width - 2, style: .muted)
        }
    }
}
