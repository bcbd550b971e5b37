import CairnCore
import CairnWords
import TermUI

/// The whole terminal UI as one value: a stack of screens over Home, the environment they
/// share, the status line and this session's undo history. `send` changes it; `render` draws it.
public struct AppState: Sendable, Equatable {
    public var env: AppEnvironment
    /// Home at the bottom, the top one showing (overlays over the screen below them).
    public internal(set) var stack: [ScreenBox]
    public var status: Status?
    /// Inverses of this session's commits, newest last: what `u` undoes.
    public private(set) var undoStack: [UndoEntry] = []
    /// What `u` undid, newest last, for Ctrl-R; a new change of this session empties it.
    public private(set) var redoStack: [UndoEntry] = []
    /// The undo or redo sent and not yet written: its reply moves it to the other stack.
    var awaiting: PendingUndo?
    /// The key being handled, while it is: `u` and Ctrl-R ask for one action, told apart here.
    var lastKey: Key?
    /// Commits sent to the store and not yet confirmed.
    public private(set) var pending = 0
    /// The person asked to quit (q on Home, Ctrl-C): the run loop ends the session once it has
    /// carried out what was asked before.
    public private(set) var quitRequested = false
    private var nextID = 1

    /// The smallest terminal the screens are laid out for: 80x24 less a multiplexer's status line.
    public static let minimumWidth = 80
    public static let minimumHeight = 23

    /// - Parameter firstLook: Home drawn from a snapshot's first look, `world` standing in until
    ///   `takeWholeWorld` (see `AppEnvironment.firstLook`).
    public init(
        world: World, today: Day, user: String, width: Int = 80, height: Int = 24, ids: RecordIDSource = .random,
        firstLook: FirstLook? = nil
    ) {
        env = AppEnvironment(world: world, today: today, user: user, width: width, height: height, ids: ids)
        env.firstLook = firstLook
        var home = HomeScreen()
        home.refresh(env)
        stack = [ScreenBox(home, id: .home)]
    }

    /// The world read whole, after a first frame drawn from the first look: the lists are built
    /// again from it (`FirstLookTests` hold the frames to be the same).
    ///
    /// - Parameter lookIsTheWorlds: the world is the snapshot the first look came from, nothing
    ///   since (`Store.worldIsTheFirstLooks`): Home keeps the rows that look gave without
    ///   working the look out from the world again.
    public mutating func takeWholeWorld(_ world: World, lookIsTheWorlds: Bool = false) {
        let look = env.firstLook
        env.world = world
        env.firstLook = nil
        env.worldLook = lookIsTheWorlds ? look : nil
        refreshAll()
        env.worldLook = nil
    }

    /// The smallest terminal the screens showing are laid out for: the largest that the screen
    /// filling the body and the questions or help over it declare.
    public var minimumSize: (width: Int, height: Int) {
        let base = stack.lastIndex { !$0.screen.isOverlay } ?? 0
        let sizes = stack[base...].map(\.screen.minimumSize)
        return (sizes.map(\.width).max() ?? Self.minimumWidth, sizes.map(\.height).max() ?? Self.minimumHeight)
    }

    /// True when the terminal is smaller than the screen showing needs: only a message is drawn.
    public var isTooSmall: Bool { env.width < minimumSize.width || env.height < minimumSize.height }
    public var world: World { env.world }
    public var today: Day { env.today }
    public var top: ScreenBox { stack[stack.count - 1] }

    /// True when the store already holds what `draft` would save: its commit was written before
    /// the session ended, so offering it again would make a duplicate.
    public func isAlreadySaved(_ draft: FormState) -> Bool {
        if let ids = draft.submitted, !ids.isEmpty {
            return ids.contains { id in RecordKind.allCases.contains { env.world.record($0, id: id) != nil } }
        }
        guard draft.purpose.edited != nil else { return false }
        var scratch = env
        if case .ready(_, let outcome, _) = FormSubmission.submit(draft, &scratch) { return outcome.changes.isEmpty }
        return false
    }

    /// The form being filled in, once something was typed: the top screen's below any question
    /// or help page over it.
    public var openDraft: FormState? { stack.last { !$0.screen.isOverlay }?.screen.draft }

    /// The open form's state, when a form is on top.
    public var topForm: FormState? { (top.screen as? FormScreen)?.form }

    /// Feeds what happened to the screens; returns what the run loop must do outside.
    public mutating func send(_ action: AppAction) -> [DiskEffect] {
        let draftBefore = openDraft
        var effects: [DiskEffect]
        switch action {
        case .key(let key):
            effects = press(key)
        case .resized(let width, let height):
            env.width = width
            env.height = height
            effects = []
        case .worldChanged(let world):
            env.world = world
            // After another session deletes what a screen shows, the screen closes.
            stack = stack.enumerated().filter { $0.offset == 0 || !$0.element.screen.isStale(in: world) }.map(\.element)
            effects = []
        case .dayChanged(let day):
            env.today = day
            effects = []
        case .offerDraft(let form):
            let question = ConfirmScreen(
                question: Words.say("Restore “{form}” that was not saved when the last session ended? (y/n)", ["form": form.title]),
                deed: .restoreDraft(form),
                asker: .home)
            effects = carryOut([.push(ScreenBox(question))], from: .home)
        case .deliver(let event, let id):
            effects = deliver(event, to: id)
        case .tell(let line):
            status = line
            effects = []
        case .syncLineChanged(let line):
            env.syncLine = line
            effects = []
        case .open(let box, let asker):
            // Only over the screen that asked, if it is still on top.
            effects = top.id == asker ? carryOut([.push(box)], from: asker) : []
        case .languageChanged(let language):
            env.language = language
            effects = []
        }
        refreshAll()
        let draftAfter = openDraft
        if draftAfter != draftBefore {
            // First: a form being saved is kept, with the ids it will create, before its commit.
            effects.insert(draftAfter.map(DiskEffect.saveDraft) ?? .clearDraft, at: 0)
        }
        return effects
    }

    private mutating func press(_ key: Key) -> [DiskEffect] {
        if key == SharedKey.quit { return carryOut([.quit], from: top.id) }
        if key == .resize { return [] }
        // Nothing of the screen shows: a key would act on what the person cannot see (d, then
        // y, deleting a cluster). Only q acts, where the screen binds it (back, or quit on Home).
        if isTooSmall, key != SharedKey.back || !top.screen.binds(key, env) { return [] }
        if !top.screen.isOverlay { status = nil }
        lastKey = key
        defer { lastKey = nil }
        var box = top
        var context = ScreenContext(env: env, id: box.id)
        guard let effects = box.screen.handle(key, &context) else { return [] }
        stack[stack.count - 1] = box
        env.ids = context.env.ids
        return carryOut(effects, from: box.id)
    }

    private mutating func deliver(_ event: ScreenEvent, to id: ScreenID) -> [DiskEffect] {
        switch event {
        case .committed(let outcome, let undoable):
            pending -= 1
            status = Status(outcome.summary)
            if undoable, !outcome.changes.isEmpty {
                undoStack.append(UndoEntry(inverse: outcome.inverse, summary: outcome.summary))
                redoStack.removeAll()
            } else if !undoable, let pending = awaiting {
                awaiting = nil
                let (entry, redo) = (pending.entry, pending.redo)
                let back = UndoEntry(inverse: outcome.inverse, summary: entry.summary)
                if redo {
                    undoStack.append(back)
                    status = Status(Words.say("Redone: {change}", ["change": entry.summary]))
                } else {
                    redoStack.append(back)
                }
            }
        case .importWritten(let run, let file, let changes):
            let summary = Words.count(
                "the import of {file} ({count} change)", "the import of {file} ({count} changes)", changes, ["file": file])
            undoStack.append(UndoEntry(inverse: [], summary: summary, importRun: run))
        case .commitFailed(let outcome, let message):
            pending -= 1
            awaiting = nil
            let said = ["reason": message]
            status = Status(
                outcome.putsBack ? Words.say("Not undone: {reason}", said) : Words.say("Not saved: {reason}", said), isError: true)
        default:
            break
        }
        guard let at = stack.firstIndex(where: { $0.id == id }) else { return [] }
        let opener = stack[at].opener
        var effects = receive(event, at: at)
        if case .committed = event, let opener, opener != id, let below = stack.firstIndex(where: { $0.id == opener }) {
            effects += receive(event, at: below)
        }
        return effects
    }

    private mutating func receive(_ event: ScreenEvent, at index: Int) -> [DiskEffect] {
        var box = stack[index]
        var context = ScreenContext(env: env, id: box.id)
        let effects = box.screen.receive(event, &context)
        stack[index] = box
        env.ids = context.env.ids
        return carryOut(effects, from: box.id)
    }

    /// Carries out the stack's moves and returns the work outside, for the run loop. Nothing
    /// asked after a quit is carried out.
    mutating func carryOut(_ effects: [Effect], from source: ScreenID) -> [DiskEffect] {
        var outside: [DiskEffect] = []
        var source = source
        for effect in effects where !quitRequested {
            switch effect {
            case .stack(.close(let id)) where id == source:
                // A screen giving way to the one it opens (a picker to its form): what that one
                // saves is told to the screen that opened the picker, so that its list selects it.
                let opener = stack.first { $0.id == id }?.opener
                outside += make(.close(id), from: source)
                source = opener ?? source
            case .stack(let move):
                outside += make(move, from: source)
            case .outside(let work):
                switch work {
                case .commit:
                    pending += 1
                    status = Status(Words.say("Saving…"))
                case .undoImport:
                    pending += 1
                    status = Status(Words.say("Undoing the import…"))
                default:
                    break
                }
                outside.append(work)
            }
        }
        return outside
    }

    private mutating func make(_ move: StackMove, from source: ScreenID) -> [DiskEffect] {
        switch move {
        case .push(var box):
            box.id = ScreenID(nextID)
            box.opener = source
            nextID += 1
            box.screen.refresh(env)
            stack.append(box)
        case .close(let id):
            if let at = stack.firstIndex(where: { $0.id == id }), at > 0 { stack.removeSubrange(at...) }
        case .say(let line):
            status = line
        case .undoLast(let asker):
            return carryOut(lastKey == SharedKey.redo ? redo(replyTo: asker) : undo(replyTo: asker), from: source)
        case .quit:
            quitRequested = true
        }
        return []
    }

    private mutating func undo(replyTo asker: ScreenID) -> [Effect] {
        guard let last = undoStack.popLast() else { return [.say(Status(Words.say("Nothing to undo in this session")))] }
        if let run = last.importRun { return [.undoImport(run: run, summary: last.summary, replyTo: asker)] }
        do {
            let undo = DomainOperation.undo(last.inverse, summary: last.summary)
            let outcome = try env.world.perform(undo, by: env.author)
            awaiting = PendingUndo(entry: last, redo: false)
            return [.commit(undo, preview: outcome, replyTo: asker, undoable: false)]
        } catch {
            return [.say(Status(Words.say("Not undone: {reason}", ["reason": error.message]), isError: true))]
        }
    }

    /// Ctrl-R: puts back what `u` last undid, as a new change, if nothing changed it since.
    private mutating func redo(replyTo asker: ScreenID) -> [Effect] {
        guard let last = redoStack.popLast() else {
            return [.say(Status(Words.say("Nothing to redo: u has undone nothing since the last change")))]
        }
        do {
            let redo = DomainOperation.undo(last.inverse, summary: last.summary)
            let outcome = try env.world.perform(redo, by: env.author)
            awaiting = PendingUndo(entry: last, redo: true)
            return [.commit(redo, preview: outcome, replyTo: asker, undoable: false)]
        } catch {
            return [.say(Status(Words.say("Not redone: {reason}", ["reason": error.message]), isError: true))]
        }
    }

    /// Lets every screen rebuild what changed under it. Each keeps the world revision and the day
    /// its rows were built from, so this costs nothing when nothing changed.
    private mutating func refreshAll() {
        for i in stack.indices { stack[i].screen.refresh(env) }
    }
}

/// An undo or redo sent to the store, and which.
struct PendingUndo: Sendable, Equatable {
    var entry: UndoEntry
    var redo: Bool
}

/// What `u` puts back: the inverse of a commit of this session, and what that commit said.
public struct UndoEntry: Sendable, Equatable {
    public var inverse: [Change]
    public var summary: String
    /// An import of this session: undone from the journal as one step, whatever its batches.
    public var importRun: String? = nil
}

extension AppState {
    /// Opens workshop mode on a cluster (`cairn workshop CLUSTER` at start).
    public mutating func openWorkshop(_ clusterID: String) {
        guard env.world.clusters[clusterID] != nil else { return }
        _ = carryOut([.push(ScreenBox(WorkshopScreen(clusterID: clusterID)))], from: .home)
    }
}
