import CairnCore
import CairnWords
import TermUI

/// Workshop mode: the four steps of the local stakeholder cooperation framework, one screen
/// each, for a group around a projector: what is agreed, what is still missing, and `a` to add
/// what the group decides. Plain lines in large gaps, no tables, no title bar.
public struct WorkshopScreen: Screen {
    public enum Action: Sendable, Equatable {
        case add, open, nextStep, previousStep, inspiration, plan
        case move(ListMove)
        case goToStep(Int)
        case undo, help, leave
    }

    public var clusterID: String
    /// 1 to 4.
    public var step = 1
    /// The item selected (agreed ones first, then missing); each part scrolls to show it.
    public var selected = 0
    public init(clusterID: String) { self.clusterID = clusterID }

    /// Each step's title, in the session's language.
    public static var titles: [String] {
        [
            Words.say("Map the stakeholders"), Words.say("Agree shared goals"), Words.say("Agree engagements"),
            Words.say("Agree evaluation and monitoring"),
        ]
    }
    /// What the group decides in each step, in the framework's own words.
    public static var questions: [String] {
        [
            Words.say("Decide who takes part, what each provides, who is responsible for what, and who leads and convenes."),
            Words.say("Agree a few realistic goals, each with an indicator, a baseline, a target, a deadline and a priority."),
            Words.say("Agree which member takes which action towards which goal, and who is responsible for realising it."),
            Words.say("Agree how often all stakeholders meet, how they report to one another, and how the plan is evaluated."),
        ]
    }
    static var addLabels: [String] {
        [Words.say("add a member"), Words.say("add a goal"), Words.say("add an action"), Words.say("set the agreement")]
    }
    /// "Step 2 of 4", in the session's language.
    static func stepOf(_ step: Int) -> String { Words.say("Step {step} of 4", ["step": String(step)]) }

    public var minimumSize: TerminalSize { .projector }
    public func isStale(in world: World) -> Bool { world.clusters[clusterID] == nil }

    /// Where the room is: the cluster, shortened to leave the step in sight, and the step.
    public func crumb(_ env: AppEnvironment) -> String {
        let name = env.world.clusters[clusterID]?.name ?? ""
        // The trail's other parts and the title bar's right side (the day, the user) take the rest.
        let right = DisplayWidth.of(" \(env.today) · \(env.user) ") + (env.syncLine == nil ? 0 : 16)
        let room = max(8, env.width - right - 35)
        return "\(Words.say("Workshop")) › \(DisplayWidth.truncate(name, to: room)) › \(Self.stepOf(step))"
    }

    /// Only the keys that act on this step: no next step on the last, no previous on the
    /// first, Enter only on an item it opens something for.
    public func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        let door = selectedDoor(env)
        var keys: [KeyBinding<Action>] = [KeyBinding([.char("a")], "a", Self.addLabels[step - 1], Action.add)]
        if let door { keys.append(KeyBinding([.enter], "Enter", Self.label(door), .open)) }
        keys += [
            KeyBinding([.down, .char("j")], "j/k", Words.say("move"), .move(.down), footer: false),
            KeyBinding([.up, .char("k")], nil, Words.say("move up"), .move(.up), footer: false),
            KeyBinding([.pageDown, .char(" ")], nil, Words.say("page down"), .move(.pageDown), footer: false),
            KeyBinding([.pageUp], nil, Words.say("page up"), .move(.pageUp), footer: false),
        ]
        if step < 4 { keys.append(KeyBinding([.right, .char("n"), .tab], "→/n", Words.say("next step"), .nextStep)) }
        if step > 1 { keys.append(KeyBinding([.left, .char("p"), .backTab], "←/p", Words.say("previous step"), .previousStep)) }
        keys.append(
            KeyBinding([.char("1"), .char("2"), .char("3"), .char("4")], "1-4", Words.say("go to step"), footer: false) { key in
                if case .char(let c) = key, let n = c.wholeNumberValue { return .goToStep(n) }
                return .goToStep(1)
            })
        if step > 1 { keys.append(KeyBinding([.char("I")], "I", Words.say("examples"), .inspiration)) }
        keys.append(KeyBinding([.char("P")], "P", Words.say("write the plan the room agreed (HTML, prints on A4)"), .plan, footer: false))
        return keys
    }

    /// The last step says how the workshop ends: `q` leaves it, everything agreed already saved.
    public func shared(_ env: AppEnvironment) -> SharedKeys<Action> {
        SharedKeys(
            undo: .undo, undoInFooter: false, help: .help, back: .leave,
            backLabel: step == 4 ? Words.say("finish the workshop") : Words.say("leave", context: "screen"))
    }

    /// What Enter says it opens.
    static func label(_ door: WorkshopDoor) -> String {
        switch door {
        case .member: return Words.say("set role and lead")
        case .edit: return Words.say("open")
        case .addMember: return Words.say("add a member")
        case .newGoal: return Words.say("add a goal")
        case .newAction: return Words.say("add the action")
        case .agreement: return Words.say("set the agreement")
        case .tick: return Words.say("tick off")
        }
    }

    public mutating func update(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        let w = context.env.world
        switch action {
        case .add:
            switch step {
            case 1: return [.push(ScreenBox(PickerScreen(clusterID: clusterID)))]
            case 2: return [RecordDoors.open(FrameworkForms.goal(nil, cluster: clusterID, world: w))]
            case 3:
                return [RecordDoors.open(FrameworkForms.action(nil, cluster: clusterID, goal: w.goals(of: clusterID).first?.id, world: w))]
            default:
                return [
                    RecordDoors.open(FrameworkForms.agreement(w.agreement(of: clusterID), cluster: clusterID, today: context.env.today))
                ]
            }
        case .open: return open(context.env)
        case .inspiration: return step > 1 ? [.readInspiration(replyTo: context.id)] : []
        case .plan: return [.say(Status(Words.say("Writing the plan…"))), .writePlan(cluster: clusterID, replyTo: context.id)]
        case .move(let m):
            let count = WorkshopStep.make(step, world: w, cluster: clusterID, today: context.env.today).items.count
            let page = max(1, Layout.workshopRows(context.env) / 2)
            switch m {
            case .down: selected += 1
            case .up: selected -= 1
            case .pageDown: selected += page
            case .pageUp: selected -= page
            case .first: selected = 0
            case .last: selected = count - 1
            }
            selected = min(max(0, selected), max(0, count - 1))
            return []
        case .nextStep: goTo(step + 1)
        case .previousStep: goTo(step - 1)
        case .goToStep(let n): goTo(n)
        case .undo: return [.undoLast(replyTo: context.id)]
        case .help: return [help(Words.say("Workshop"), context.env)]
        case .leave: return [.close(context.id)]
        }
        return []
    }

    mutating func goTo(_ n: Int) {
        let next = min(4, max(1, n))
        if next != step { selected = 0 }
        step = next
    }

    /// What Enter opens on the selected item, if anything.
    func selectedDoor(_ env: AppEnvironment) -> WorkshopDoor? {
        let items = WorkshopStep.make(step, world: env.world, cluster: clusterID, today: env.today).items
        return items.indices.contains(selected) ? items[selected].door : nil
    }

    /// Enter on an item: the form that shows it or fixes what is missing ("no action serves
    /// goal …" opens a new action for that goal).
    func open(_ env: AppEnvironment) -> [Effect] {
        let w = env.world
        switch selectedDoor(env) {
        case .member(let id)?:
            guard let m = w.memberships[id] else { return [] }
            return [RecordDoors.open(RecordForms.member(m, cluster: clusterID, type: m.memberType, memberId: m.memberId, world: w))]
        case .edit(let kind, let id)?: return RecordDoors.editor(kind, id: id, env).map { [$0] } ?? []
        case .addMember?: return [.push(ScreenBox(PickerScreen(clusterID: clusterID)))]
        case .newGoal?: return [RecordDoors.open(FrameworkForms.goal(nil, cluster: clusterID, world: w))]
        case .newAction(let goal, let responsible)?:
            return [RecordDoors.open(FrameworkForms.action(nil, cluster: clusterID, goal: goal, responsible: responsible, world: w))]
        case .agreement?:
            return [RecordDoors.open(FrameworkForms.agreement(w.agreement(of: clusterID), cluster: clusterID, today: env.today))]
        case .tick(let id)?:
            guard let c = w.checkpoints[id], !c.isDone else { return [] }
            return [RecordDoors.open(RecordForms.tick(c))]
        case nil: return []
        }
    }

    public func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment) {
        let world = env.world
        let compact = Layout.isCompactWorkshop(env)
        let content = WorkshopStep.make(step, world: world, cluster: clusterID, today: env.today)
        var y = area.y
        canvas.put(
            "\(Self.stepOf(step)) · \(WorkshopScreen.titles[step - 1])", x: 2, y: y, maxWidth: area.width - 4,
            style: Style(.title, bold: true)
        )
        y += 1
        // What the group decides, on every size: on a projector it is what the room reads first.
        for line in Layout.wrap(WorkshopScreen.questions[step - 1], width: area.width - 4).prefix(2) {
            canvas.put(line, x: 2, y: y, maxWidth: area.width - 4, style: .muted)
            y += 1
        }
        if !compact { y += 1 }
        // Whole sentences, wrapped, for a room reading a projector. The two parts share the
        // whole height: each gets what it holds when both fit; otherwise what is missing keeps
        // at least half and what is agreed the rest. Each part scrolls to keep the selected
        // item in sight and says how many more it holds above and below.
        let width = area.width - 8
        let agreed = WorkshopLines.items(content, agreed: true, width: width)
        let missing = WorkshopLines.items(content, agreed: false, width: width)
        let (agreedRoom, missingRoom) = Self.share(area.maxY - y - 3, agreed: max(1, agreed.count), missing: max(1, missing.count))
        canvas.put(Words.say("Agreed"), x: 2, y: y, style: Style(.normal, bold: true, underline: true))
        y += 1
        if agreed.isEmpty {
            canvas.put("  " + Words.say("nothing yet"), x: 2, y: y, style: .muted)
            y += 1
        }
        y = section(agreed, rows: agreedRoom, at: y, into: &canvas, width: area.width)
        y += 1
        canvas.put(Words.say("Still missing"), x: 2, y: y, style: Style(.normal, bold: true, underline: true))
        y += 1
        if missing.isEmpty {
            canvas.put("  " + Words.say("nothing: this step is done"), x: 2, y: y, style: Style(.done, bold: true))
            return
        }
        _ = section(missing, rows: max(1, min(missingRoom, area.maxY - y)), at: y, into: &canvas, width: area.width)
    }

    /// The rows of `room` for the agreed and the missing lines: what each needs when both fit,
    /// else at least half (or what it needs) to what is missing, and two at least to each.
    static func share(_ room: Int, agreed: Int, missing: Int) -> (agreed: Int, missing: Int) {
        if agreed + missing <= room { return (agreed, missing) }
        let missingRoom = min(missing, max(room / 2, room - agreed))
        let agreedRoom = max(2, min(agreed, room - missingRoom))
        return (agreedRoom, max(2, room - agreedRoom))
    }

    /// Draws a window of `lines` `rows` high that shows the selected item when it is here,
    /// with "↑ N more above" and "… and N more" where items are out of sight; returns the row after.
    func section(_ lines: [WorkshopLines.Line], rows: Int, at top: Int, into canvas: inout Canvas, width: Int) -> Int {
        guard !lines.isEmpty else { return top }
        var first = 0
        if lines.count > rows, let last = lines.lastIndex(where: { $0.item == selected }) {
            // Room for the markers above and below.
            first = min(max(0, last - rows + 2), max(0, lines.count - rows + 1))
        }
        let items = { (range: ArraySlice<WorkshopLines.Line>) in Set(range.compactMap(\.item)).count }
        var window = Array(lines.dropFirst(first).prefix(rows))
        var below = items(lines.dropFirst(first + window.count)[...])
        if below > 0 || (first + rows < lines.count) {
            window = Array(window.prefix(rows - 1))
            below = items(lines.dropFirst(first + window.count)[...])
        }
        let above = items(lines.prefix(first)[...])
        var y = top
        for (i, line) in window.enumerated() {
            if i == 0, above > 0 {
                canvas.put(
                    "    " + Words.count("↑ {count} more above", "↑ {count} more above", above), x: 0, y: y, maxWidth: width - 2,
                    style: .muted)
            } else {
                let chosen = line.item == selected
                canvas.put(
                    (chosen ? "> " : "  ") + line.text, x: 0, y: y, maxWidth: width - 2,
                    style: chosen ? Style(.selection, bold: true, reverse: true) : line.style)
                if chosen, canvas.cursor == nil { canvas.placeCursor(x: 0, y: y) }
            }
            y += 1
        }
        if below > 0 {
            canvas.put(
                "    " + Words.count("… and {count} more (j/k scroll)", "… and {count} more (j/k scroll)", below), x: 0, y: y,
                maxWidth: width - 2, style: .muted)
            y += 1
        }
        return y
    }
}

/// The workshop's lines: headings, then each item wrapped, with the item each line belongs to.
enum WorkshopLines {
    struct Line {
        var text: String
        var style: Style
        var item: Int?
    }

    /// One part's items (agreed or missing) wrapped, each line with its item's index.
    static func items(_ content: WorkshopStep, agreed: Bool, width: Int) -> [Line] {
        content.items.enumerated().filter { $0.element.agreed == agreed }.flatMap { i, item in
            Layout.wrap(item.text, width: max(10, width)).enumerated().map { k, text in
                Line(
                    text: (k == 0 ? (agreed ? "✓ " : "✗ ") : "  ") + text, style: agreed ? .plain : Style(.overdue, bold: true), item: i)
            }
        }
    }
}

extension Layout {
    /// Workshop mode on a projector with large fonts: from 64x20 the header drops its question.
    static func isCompactWorkshop(_ env: AppEnvironment) -> Bool { env.height < 24 || env.width < 80 }
    static func workshopRows(_ env: AppEnvironment) -> Int { max(3, env.bodyHeight - (isCompactWorkshop(env) ? 2 : 5)) }
}

extension WorkshopScreen {
    /// The examples were read: the list of those for this step; the plan was written: where.
    public mutating func receive(_ event: ScreenEvent, _ context: inout ScreenContext) -> [Effect] {
        if case .reportWritten(let path) = event { return [.say(Status(Words.say("Plan saved: {path}", ["path": path])))] }
        if case .reportFailed(let message) = event {
            return [.say(Status(Words.say("Not written: {reason}", ["reason": message]), isError: true))]
        }
        guard case .inspirationRead(let library) = event, let kind = InspirationScreen.Kind(rawValue: step) else { return [] }
        return [.push(ScreenBox(InspirationScreen(kind: kind, clusterID: clusterID, library: library)))]
    }
}
