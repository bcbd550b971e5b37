import CairnApp
import CairnCore
import CairnStore
import CairnWords
import Foundation
import TermUI

/// The run loop: keys in, `AppState.send`, effects carried out against the store, frame out.
/// The only place where the screens meet the disk, over any `Terminal` (curses in the program,
/// `TestTerminal` in tests).
@MainActor
public final class Session {
    /// How a session ended.
    public enum Ending: Sendable, Equatable {
        /// The person quit; `farewell` is what to say once the terminal is restored (where an
        /// unsaved form was kept).
        case quit(farewell: String?)
        /// The terminal went away; the open form was kept as a draft. Nothing more can be drawn.
        case hungUp
    }

    /// How often other sessions' changes are looked for (the issue asks for about a second).
    public static let pollMilliseconds: Int32 = 300
    /// Keys already waiting (a paste arrives as one key a character) are taken before the next
    /// frame is drawn, up to this many: a frame and a draft per key made a paste of 10,000
    /// characters crawl.
    public static let keysPerFrame = 2000

    public let store: Store
    public let terminal: any Terminal
    /// The screens, as the last frame drew them (after the effects their keys asked for).
    public private(set) var app: AppState
    let drafts: DraftBox
    let interpreter: Interpreter
    /// What day it is: the clock's in the program, a fixed day in tests.
    let today: () -> Day
    /// Effects asked for and not yet carried out.
    private var effects: [DiskEffect] = []
    /// The newest draft to write (or to clear), not yet written: drafts are written when the
    /// keys pause, and before anything else goes to the disk.
    private var draft: DiskEffect?
    private var lastPoll = Date()
    /// Writes a snapshot in the background whenever the store has read far past the last one.
    private let snapshots = SnapshotKeeper()
    private var (keys, frames, draftsWritten) = (0, 0, 0)
    /// Whether the frame after the first key read was logged for `cairn-bench`.
    private var firstKeyAnswered = false
    /// What others changed since the last opening, counted on another thread: after a long
    /// absence the count reads back through much of a national store, and the title can wait
    /// for it a moment while the first keys are answered.
    private var sinceLastOpen: (at: String, count: Pending<Int>)?
    /// When the store was last opened, to be counted from once the first turn's frame is drawn:
    /// the count reads an index of every journal segment, and would take the core the first
    /// key's answer needs.
    private var countSince: String?
    /// Links where Cairn writes (a teammate's attempt to make it write elsewhere), looked for
    /// once the first turn's frame is drawn, as the count is: a national store's journal folder
    /// holds a thousand segments, and the walk would take the core the first key's answer
    /// needs. Nothing is written before a write refuses a link on its own.
    private var linksWalk: Pending<[String]>?
    private var linksLookedFor = false
    /// The link found, kept until the status line is free (a status the turn set is not
    /// overwritten), or said as the session ends.
    private var linkToTell: String?

    /// Opens the screens on `store` and draws the first frame.
    ///
    /// - Parameters:
    ///   - workshop: a cluster id to open in workshop mode at once.
    ///   - unread: the store is not read yet (`Store.read()` is called here, after a first frame
    ///     drawn from the snapshot's first look when it can be).
    ///   - ids: where new record ids come from (seeded in tests).
    ///   - drafts: where this session keeps its drafts and finds those left behind (the
    ///     person's own folder for the store by default; beside a test's store in tests).
    public init(
        store: Store, terminal: any Terminal, workshop: String? = nil, unread: Bool = false,
        today: @escaping () -> Day = { Day.today() }, ids: RecordIDSource = .random, drafts: DraftBox? = nil
    ) throws(StoreError) {
        self.store = store
        self.terminal = terminal
        self.today = today
        let drafts = drafts ?? DraftBox(store: store.directory, identity: store.identity)
        self.drafts = drafts
        let leftDraft = drafts.leftBehind().first
        let syncLine = SyncStatus.line(for: store)
        // Counting what others changed since reads the journals back to then, which after a
        // long absence is most of a national store: done on another thread once the first
        // turn is drawn, and shown once done (`sinceLastOpen`).
        let lastOpened = store.noteOpened()
        let readOnly = store.readOnlyReason
        var app = try Self.firstState(
            store: store, terminal: terminal, unread: unread, quick: leftDraft == nil, today: today(), ids: ids
        ) { app in
            app.env.readOnly = readOnly
            if let reason = readOnly {
                app.status = Status(
                    Words.say("Read-only: {reason}. You can look; forms are kept as drafts, not saved.", ["reason": reason]), isError: true)
            }
            app.env.syncLine = syncLine
        }
        countSince = lastOpened
        let damaged = store.problems.filter(\.isDamage) + store.strayFiles
        if !damaged.isEmpty {
            app.status = Status(Words.say("{problem} — run `cairn check`", ["problem": "\(damaged[0])"]), isError: true)
        }
        if let workshop { app.openWorkshop(workshop) }
        if let leftDraft, let form = try? JSONDecoder().decode(FormState.self, from: leftDraft.data), form.isSound {
            if app.isAlreadySaved(form) {
                drafts.discard(leftDraft.url)
            } else {
                effects += app.send(.offerDraft(form))
            }
        } else if let leftDraft {
            let aside = drafts.setAside(leftDraft.url)
            app.status = Status(Words.say("A draft could not be restored; it was set aside as {path}", ["path": aside.path]), isError: true)
        }
        self.app = app
        interpreter = Interpreter(store: store, drafts: drafts, leftDraft: leftDraft?.url)
        terminal.draw(app.render())
        BenchLog.firstFrameDrawn()
        BenchLog.wholeWorldDrawn()
    }

    /// Runs turns until the session ends.
    public func run() -> Ending {
        defer {
            snapshots.waitForWrites()
            BenchLog.sessionEnded(keys: keys, frames: frames, drafts: draftsWritten)
        }
        while true {
            if let ending = turn() { return ending }
        }
    }

    /// One turn of the loop: waits for a key (up to `pollMilliseconds`) and takes those already
    /// waiting, follows the background sync, looks for other sessions' changes when it is time,
    /// carries out every effect, and draws a frame. Returns how the session ended, if it did.
    public func turn() -> Ending? {
        if terminal.hangupReceived {
            // The link is gone: the open form is already saved as a draft; leave quietly.
            writeDraft()
            if let form = app.topForm, form.dirty { try? drafts.save(try JSONEncoder().encode(form)) }
            return .hungUp
        }
        if var key = terminal.readKey(timeoutMilliseconds: Self.pollMilliseconds) {
            var taken = 0
            while true {
                effects += app.send(key == .resize ? .resized(width: terminal.width, height: terminal.height) : .key(key))
                if !carryOutEffects() { return quit() }
                taken += 1
                keys += 1
                guard taken < Self.keysPerFrame, let next = terminal.readKey(timeoutMilliseconds: 0) else { break }
                key = next
            }
        }
        for action in interpreter.followSync() { effects += app.send(action) }
        // While git merges, files are rewritten under us: the sync's end reads them whole.
        if !interpreter.isSyncing, Date().timeIntervalSince(lastPoll) * 1000 >= Double(Self.pollMilliseconds) {
            lookForChanges()
        }
        if !carryOutEffects() { return quit() }
        writeDraft()
        if !carryOutEffects() { return quit() }
        snapshots.keep(store)
        if let found = linksWalk?.ready {
            linksWalk = nil
            noteLink(found)
        }
        if let link = linkToTell, app.status == nil {
            linkToTell = nil
            effects += app.send(.tell(Status(link, isError: true)))
        }
        if let (at, count) = sinceLastOpen, let changes = count.ready {
            app.env.sinceLastOpen = SinceLastOpen(at: at, changes: changes)
            sinceLastOpen = nil
        }
        terminal.draw(app.render())
        frames += 1
        if keys > 0, !firstKeyAnswered {
            firstKeyAnswered = true
            BenchLog.firstKeyAnswered()
        }
        if !linksLookedFor {
            linksLookedFor = true
            let directory = store.directory
            linksWalk = Pending { StoreCheck.links(in: directory) }
        }
        if let at = countSince {
            sinceLastOpen = (at, Pending(store.changesSinceCounter(at, notBy: store.identity.user)))
            countSince = nil
        }
        return nil
    }

    /// Reads what other sessions wrote, and notices a new day.
    func lookForChanges() {
        lastPoll = Date()
        if (try? store.refresh()) == true {
            effects += app.send(.worldChanged(store.world))
            for alarm in store.takeAlarms() { effects += app.send(.tell(Status(alarm, isError: true))) }
            effects += app.send(.syncLineChanged(SyncStatus.line(for: store)))
            let overruled = store.takeOverruled()
            if !overruled.isEmpty { effects += app.send(.tell(ConflictNotice.overruled(overruled, in: store.world))) }
        }
        let day = today()
        if day != app.today { effects += app.send(.dayChanged(day)) }
    }

    private func writeDraft() {
        guard let waiting = draft else { return }
        draft = nil
        draftsWritten += 1
        for action in interpreter.perform(waiting, today: app.today) { effects += app.send(action) }
    }

    /// Carries out the effects waiting; false once the person asked to quit.
    private func carryOutEffects() -> Bool {
        while !effects.isEmpty {
            let effect = effects.removeFirst()
            if case .saveDraft = effect {
                draft = effect
                continue
            }
            if effect == .clearDraft {
                draft = effect
                continue
            }
            // First: a form being saved is kept, with the ids it will create, before its commit.
            writeDraft()
            // A long import shows its progress between batches.
            if case .continueImport = effect { terminal.draw(app.render()) }
            let savingForm = app.topForm != nil
            let actions = interpreter.perform(effect, today: app.today)
            // A saved form's draft goes at once, in the step that wrote its commit, so that
            // a kill just after the save never offers it again.
            if savingForm, actions.contains(where: \.isCommitted) { drafts.clear() }
            if actions.contains(where: \.changesWorld), !interpreter.isSyncing {
                effects += app.send(.syncLineChanged(SyncStatus.line(for: store)))
            }
            for action in actions { effects += app.send(action) }
        }
        if app.quitRequested {
            writeDraft()
            return false
        }
        return true
    }

    /// The open form kept as a draft at quit, and where: said on the restored terminal.
    private func quit() -> Ending {
        let farewell = [draftFarewell(), linkUntold()].compactMap { $0 }
        return .quit(farewell: farewell.isEmpty ? nil : farewell.joined(separator: "\n"))
    }

    /// A link where Cairn writes that the screen has not said yet (a session quit in its first
    /// turns): said as it ends, never left unsaid.
    private func linkUntold() -> String? {
        if !linksLookedFor {
            linksLookedFor = true
            let found = StoreCheck.links(in: store.directory)
            noteLink(found)
        } else if let walk = linksWalk {
            linksWalk = nil
            noteLink(walk.value)
        }
        defer { linkToTell = nil }
        return linkToTell
    }

    /// Keeps the first link found to be said, unless the store's damage is said instead (the
    /// status the session opened with, and what `cairn check` lists first).
    private func noteLink(_ found: [String]) {
        if !store.problems.contains(where: \.isDamage), store.strayFiles.isEmpty { linkToTell = found.first }
    }

    private func draftFarewell() -> String? {
        guard let form = app.openDraft else { return nil }
        do {
            try drafts.save(try JSONEncoder().encode(form))
            return Words.say(
                "Your unsaved “{form}” is kept as a draft: {path}. The next start offers it back.",
                ["form": form.title, "path": drafts.ownFile.path])
        } catch {
            return Words.say("Your unsaved “{form}” could not be kept as a draft: {reason}", ["form": form.title, "reason": "\(error)"])
        }
    }
}

extension AppAction {
    var isCommitted: Bool {
        if case .deliver(.committed, _) = self { return true }
        return false
    }

    /// A commit or an import batch: this copy's unsent count moved.
    var changesWorld: Bool {
        if case .worldChanged = self { return true }
        return false
    }
}
