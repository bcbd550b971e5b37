import CairnApp
import CairnCore
import CairnStore
import CursesTerminal
import Foundation
import TermUI

/// The open form kept as a draft at quit, and where: said on the restored terminal.
@MainActor
private func keepDraft(of app: AppState, in drafts: DraftBox) -> String? {
    guard let form = app.openDraft else { return nil }
    do {
        try drafts.save(try JSONEncoder().encode(form))
        return "Your unsaved “\(form.title)” is kept as a draft: \(drafts.ownFile.path). The next start offers it back."
    } catch {
        return "Your unsaved “\(form.title)” could not be kept as a draft: \(error)"
    }
}

/// The run loop: keys in, `AppState.send`, effects carried out against the store, frame out.
/// The only place where the screens meet the disk.
enum TerminalSession {
    /// How often other sessions' changes are looked for (the issue asks for about a second).
    static let pollMilliseconds: Int32 = 300
    /// Keys already waiting (a paste arrives as one key a character) are taken before the next
    /// frame is drawn, up to this many: a frame and a draft per key made a paste of 10,000
    /// characters crawl.
    static let keysPerFrame = 2000

    /// - Parameter workshop: a cluster (id or exact name) to open in workshop mode at once.
    static func run(options: StoreOptions, workshop: String? = nil) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CLIError("cairn's screens need a terminal; without one, use the commands (cairn --help)")
        }
        try MainActor.assumeIsolated {
            // Workshop mode needs the world to find its cluster before the terminal is taken;
            // Home can be drawn from the snapshot's first look while the world is read.
            let store = try options.open(readNow: workshop != nil)
            let cluster = try workshop.map { c in try store.world.findCluster(c).id
            }
            var farewell: String?
            do {
                try CursesTerminal.withTerminal { terminal in
                    farewell = try loop(store: store, terminal: terminal, workshop: cluster, unread: workshop == nil)
                }
            } catch let error as TerminalError {
                throw CLIError(error.message)
            }
            // Once the terminal is itself again: where the unsaved form was kept.
            if let farewell { printError(farewell) }
            store.saveSnapshotIfBehind()
        }
    }

    /// The first frame, drawn as soon as it can be: from the snapshot's first look (Home's
    /// clusters, counts and next-due dates) before the whole world is decoded, when the
    /// snapshot holds every journal whole; else once the store is read. Keys typed meanwhile
    /// wait in the terminal and are taken after the world is whole.
    @MainActor
    static func firstState(store: Store, terminal: CursesTerminal, unread: Bool, quick: Bool, dress: (inout AppState) -> Void) throws
        -> AppState
    {
        var unread = unread
        func readStore() throws {
            do { try store.read() } catch { throw CLIError(error.message) }
            unread = false
        }
        if unread, quick, let first = store.firstLook() {
            var app = AppState(
                world: first.world, today: Day.today(), user: store.identity.user, width: terminal.width, height: terminal.height,
                firstLook: first.look)
            dress(&app)
            terminal.draw(app.render())
            BenchLog.firstFrameDrawn(fromFirstLook: true)
            try readStore()
            // The world the snapshot held, nothing since: the first look's lists are its own.
            // (A journal that moved in between: the state is built from the world, below.)
            if store.startedFromSnapshot, store.eventCount == store.snapshotEvents {
                app.takeWholeWorld(store.world)
                return app
            }
        }
        if unread { try readStore() }
        var app = AppState(
            world: store.world, today: Day.today(), user: store.identity.user, width: terminal.width, height: terminal.height)
        dress(&app)
        return app
    }

    /// Returns what to say once the terminal is restored (where an unsaved form was kept).
    ///
    /// - Parameter unread: the store is not read yet (`Store.read()` is called here).
    @MainActor
    static func loop(store: Store, terminal: CursesTerminal, workshop: String?, unread: Bool = false) throws -> String? {
        let drafts = DraftBox(store: store.directory, identity: store.identity)
        let leftDraft = drafts.leftBehind().first
        let syncLine = SyncStatus.line(for: store)
        let since = store.markOpened().map { SinceLastOpen(at: $0.at, changes: $0.changes) }
        let readOnly = store.readOnlyReason
        var app = try firstState(store: store, terminal: terminal, unread: unread, quick: leftDraft == nil) { app in
            app.env.readOnly = readOnly
            if let reason = readOnly {
                app.status = Status("Read-only: \(reason). You can look; forms are kept as drafts, not saved.", isError: true)
            }
            app.env.syncLine = syncLine
            app.env.sinceLastOpen = since
        }
        let damaged = store.problems.filter(\.isDamage) + store.strayFiles
        if !damaged.isEmpty {
            app.status = Status("\(damaged[0]) — run `cairn check`", isError: true)
        } else if let link = StoreCheck.links(in: store.directory).first {
            app.status = Status(link, isError: true)
        }
        var effects: [Effect] = []
        if let workshop { app.openWorkshop(workshop) }
        if let leftDraft, let form = try? JSONDecoder().decode(FormState.self, from: leftDraft.data), form.isSound {
            if app.isAlreadySaved(form) {
                drafts.discard(leftDraft.url)
            } else {
                effects += app.send(.offerDraft(form))
            }
        } else if let leftDraft {
            let aside = drafts.setAside(leftDraft.url)
            app.status = Status("A draft could not be restored; it was set aside as \(aside.path)", isError: true)
        }
        let interpreter = Interpreter(store: store, drafts: drafts, leftDraft: leftDraft?.url)
        var lastPoll = Date()
        terminal.draw(app.render())
        BenchLog.firstFrameDrawn()
        BenchLog.wholeWorldDrawn()
        // The newest draft to write (or to clear), not yet written: drafts are written when the
        // keys pause, and before anything else goes to the disk.
        var draft: Effect?
        var (keys, frames, draftsWritten) = (0, 0, 0)
        defer { BenchLog.sessionEnded(keys: keys, frames: frames, drafts: draftsWritten) }
        func writeDraft() {
            guard let waiting = draft else { return }
            draft = nil
            draftsWritten += 1
            for action in interpreter.perform(waiting, today: app.today) { effects += app.send(action) }
        }
        /// Carries out the effects waiting; false when one of them quits.
        func carryOutEffects() -> Bool {
            while !effects.isEmpty {
                let effect = effects.removeFirst()
                if effect == .quit {
                    writeDraft()
                    return false
                }
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
            return true
        }
        while true {
            if terminal.hangupReceived {
                // The link is gone: the open form is already saved as a draft; leave quietly.
                writeDraft()
                if let form = app.topForm, form.dirty { try? drafts.save(try JSONEncoder().encode(form)) }
                exit(129)
            }
            if var key = terminal.readKey(timeoutMilliseconds: pollMilliseconds) {
                var taken = 0
                while true {
                    effects += app.send(key == .resize ? .resized(width: terminal.width, height: terminal.height) : .key(key))
                    if !carryOutEffects() { return keepDraft(of: app, in: drafts) }
                    taken += 1
                    keys += 1
                    guard taken < keysPerFrame, let next = terminal.readKey(timeoutMilliseconds: 0) else { break }
                    key = next
                }
            }
            for action in interpreter.followSync() { effects += app.send(action) }
            // While git merges, files are rewritten under us: the sync's end reads them whole.
            if !interpreter.isSyncing, Date().timeIntervalSince(lastPoll) * 1000 >= Double(pollMilliseconds) {
                lastPoll = Date()
                if (try? store.refresh()) == true {
                    effects += app.send(.worldChanged(store.world))
                    for alarm in store.takeAlarms() { effects += app.send(.tell(Status(alarm, isError: true))) }
                    effects += app.send(.syncLineChanged(SyncStatus.line(for: store)))
                    let overruled = store.takeOverruled()
                    if !overruled.isEmpty { effects += app.send(.tell(ConflictNotice.overruled(overruled, in: store.world))) }
                }
                let today = Day.today()
                if today != app.today { effects += app.send(.dayChanged(today)) }
            }
            if !carryOutEffects() { return keepDraft(of: app, in: drafts) }
            writeDraft()
            if !carryOutEffects() { return keepDraft(of: app, in: drafts) }
            terminal.draw(app.render())
            frames += 1
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
