import CairnApp
import CairnCore
import CairnStore
import CursesTerminal
import Foundation
import TermUI

/// The run loop: keys in, `AppState.send`, effects carried out against the store, frame out.
/// The only place where the screens meet the disk.
enum TerminalSession {
    /// How often other sessions' changes are looked for (the issue asks for about a second).
    static let pollMilliseconds: Int32 = 300

    /// - Parameter workshop: a cluster (id or exact name) to open in workshop mode at once.
    static func run(options: StoreOptions, workshop: String? = nil) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CLIError("cairn's screens need a terminal; without one, use the commands (cairn --help)")
        }
        try MainActor.assumeIsolated {
            let store = try options.open()
            let cluster = try workshop.map { c in try store.world.findCluster(c).id
            }
            do {
                try CursesTerminal.withTerminal { terminal in try loop(store: store, terminal: terminal, workshop: cluster) }
            } catch let error as TerminalError {
                throw CLIError(error.message)
            }
        }
    }

    @MainActor
    static func loop(store: Store, terminal: CursesTerminal, workshop: String?) throws {
        let drafts = DraftBox(store: store.directory, identity: store.identity)
        let leftDraft = drafts.leftBehind().first
        var app = AppState(
            world: store.world, today: Day.today(), user: store.identity.user, width: terminal.width, height: terminal.height)
        let damaged = store.problems.filter(\.isDamage)
        if !damaged.isEmpty {
            app.status = Status("\(damaged[0]) — run `cairn check`", isError: true)
        }
        var effects: [Effect] = []
        if let workshop { app.openWorkshop(workshop) }
        if let leftDraft, let form = try? JSONDecoder().decode(FormState.self, from: leftDraft.data) {
            effects += app.send(.offerDraft(form))
        } else if let leftDraft {
            drafts.discard(leftDraft.url)
        }
        let interpreter = Interpreter(store: store, drafts: drafts, leftDraft: leftDraft?.url)
        var lastPoll = Date()
        terminal.draw(app.render())
        BenchLog.firstFrameDrawn()
        while true {
            if terminal.hangupReceived {
                // The link is gone: the open form is already saved as a draft; leave quietly.
                if let form = app.topForm, form.dirty { try? drafts.save(try JSONEncoder().encode(form)) }
                exit(129)
            }
            if let key = terminal.readKey(timeoutMilliseconds: pollMilliseconds) {
                effects += app.send(key == .resize ? .resized(width: terminal.width, height: terminal.height) : .key(key))
            }
            if Date().timeIntervalSince(lastPoll) * 1000 >= Double(pollMilliseconds) {
                lastPoll = Date()
                if (try? store.refresh()) == true {
                    effects += app.send(.worldChanged(store.world))
                    let overruled = store.takeOverruled()
                    if !overruled.isEmpty { effects += app.send(.tell(ConflictNotice.overruled(overruled, in: store.world))) }
                }
                let today = Day.today()
                if today != app.today { effects += app.send(.dayChanged(today)) }
            }
            while !effects.isEmpty {
                let effect = effects.removeFirst()
                if effect == .quit { return }
                // A long import shows its progress between batches.
                if case .continueImport = effect { terminal.draw(app.render()) }
                for action in interpreter.perform(effect, today: app.today) { effects += app.send(action) }
            }
            terminal.draw(app.render())
        }
    }
}
