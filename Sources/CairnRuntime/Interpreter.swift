import CairnApp
import CairnCore
import CairnStore
import CairnWords
import Foundation

/// The one place where the screens' effects are carried out against the store and the disk.
/// Each result goes back as an action, addressed to the screen that asked.
@MainActor
final class Interpreter {
    let store: Store
    let drafts: DraftBox
    let leftDraft: URL?
    /// A register being written batch by batch, the progress bar drawn between batches.
    private var importJob: (file: String, run: String, changes: [Change], done: Int)?
    /// The sync running in the background, if one is.
    private(set) var syncJob: SyncJob?
    /// Why the last draft could not be written, while it could not: the status line says it
    /// once, and again only when it changes.
    private var draftProblem: String?

    init(store: Store, drafts: DraftBox, leftDraft: URL?) {
        self.store = store
        self.drafts = drafts
        self.leftDraft = leftDraft
    }

    /// What the background sync did since last asked: its steps as the status line, and at its
    /// end what it brought (every open screen is refreshed) and its summary, or its failure.
    func followSync() -> [AppAction] {
        guard let job = syncJob else { return [] }
        let (steps, outcome) = job.take()
        var actions = steps.suffix(1).map { AppAction.tell(Status($0)) }
        guard let outcome else { return actions }
        syncJob = nil
        let refreshed = (try? store.refresh()) ?? false
        if refreshed { actions.append(.worldChanged(store.world)) }
        switch outcome {
        case .success(let report):
            actions.append(.tell(Status(report.line(openConflicts: store.world.openConflicts.count, listedBy: Words.say("C on Home")))))
        case .failure(let error):
            actions.append(.tell(Status(Words.say("Sync failed: {reason}", ["reason": error.message]), isError: true)))
        }
        actions.append(.syncLineChanged(SyncStatus.line(for: store)))
        return actions
    }

    /// How many of the store's changes a history of every record shows, the newest.
    static let historyLimit = 500

    /// Whether a sync is running: the run loop then leaves the journals to it.
    var isSyncing: Bool { syncJob != nil }

    func perform(_ effect: DiskEffect, today: Day) -> [AppAction] {
        switch effect {
        case .commit(let operation, let preview, let screen, let undoable):
            do {
                // Asked again of the rule book under the store's lock, on the world as it is on disk.
                let done = try store.perform(operation, by: Author(user: store.identity.user, today: today))
                var actions: [AppAction] = [
                    .worldChanged(store.world), .deliver(.committed(done.outcome, undoable: undoable), to: screen),
                ]
                if !done.conflicts.isEmpty { actions.append(.tell(ConflictNotice.saved(done.conflicts, in: store.world))) }
                return actions
            } catch {
                // What other sessions wrote meanwhile is shown too: it is why this was refused.
                return [.worldChanged(store.world), .deliver(.commitFailed(preview, message: error.message), to: screen)]
            }
        case .readExamples(let screen):
            do {
                let changes = try Examples.changes(for: store.world, today: today, user: store.identity.user)
                return [.deliver(.examplesRead(changes), to: screen)]
            } catch {
                return [.deliver(.examplesFailed("\(error)"), to: screen)]
            }
        case .readInspiration(let screen):
            do {
                return [.deliver(.inspirationRead(try InspirationLibrary.read(store: store.directory)), to: screen)]
            } catch {
                return [.tell(Status(Words.say("Examples not read: {reason}", ["reason": error.message]), isError: true))]
            }
        case .saveDraft(let form):
            do {
                try drafts.save(try JSONEncoder().encode(form))
                draftProblem = nil
                return []
            } catch {
                let said = (error as? StoreError)?.message ?? "\(error)"
                let problem = said.prefix(1).uppercased() + said.dropFirst()
                if problem == draftProblem { return [] }
                draftProblem = problem
                return [.tell(Status(problem, isError: true))]
            }
        case .clearDraft:
            drafts.clear()
            return []
        case .discardLeftDraft:
            if let leftDraft { drafts.discard(leftDraft) }
            return []
        case .writeReport(let cluster, let screen):
            do {
                let url = try ReportFile.write(cluster: cluster, store: store, today: today)
                return [.deliver(.reportWritten(path: url.path), to: screen)]
            } catch {
                return [.deliver(.reportFailed("\(error)"), to: screen)]
            }
        case .writePlan(let cluster, let screen):
            do {
                let url = try PlanFile.write(cluster: cluster, store: store, today: today)
                return [.deliver(.reportWritten(path: url.path), to: screen)]
            } catch {
                return [.deliver(.reportFailed("\(error)"), to: screen)]
            }
        case .writeCalendar(let cluster, let screen):
            do {
                let (url, items) = try CalendarFile.write(cluster: cluster, store: store, today: today)
                return [.deliver(.calendarWritten(path: url.path, items: items), to: screen)]
            } catch {
                return [.deliver(.reportFailed("\(error)"), to: screen)]
            }
        case .writeListCSV(let csv):
            do {
                let url = try ListFile.write(csv, store: store, today: today)
                let path = ["path": url.path]
                let said =
                    csv.marked
                    ? Words.count("Wrote {count} marked row to {path}", "Wrote {count} marked rows to {path}", csv.rows.count, path)
                    : Words.count("Wrote {count} row to {path}", "Wrote {count} rows to {path}", csv.rows.count, path)
                return [.tell(Status(said))]
            } catch {
                return [.tell(Status(Words.say("Not written: {reason}", ["reason": "\(error)"]), isError: true))]
            }
        case .previewImport(let request, let screen):
            return [.deliver(ImportEffects.preview(request, store: store), to: screen)]
        case .runImport(let request, let screen):
            do {
                let (_, _, planned) = try ImportEffects.plan(request, store: store)
                guard let (changes, _) = planned else { throw StoreError(Words.say("no column gives the schools' names")) }
                importJob = ((request.path as NSString).lastPathComponent, ImportRun.makeID(), changes, 0)
                return writeBatch(replyTo: screen)
            } catch {
                return [.deliver(.importFailed("\(error)"), to: screen)]
            }
        case .sync:
            if syncJob != nil { return [.tell(Status(Words.say("A sync is already running; its steps show here")))] }
            guard SyncStatus.of(store).isShared else {
                return [.tell(Status(Words.say("This store is not shared through git: cairn sync --init URL shares it"), isError: true))]
            }
            syncJob = SyncJob(StoreSync(store: store))
            return [.tell(Status(Words.say("Syncing…"))), .syncLineChanged(SyncStatus.line(for: store, running: true))]
        case .readHistory(let record, let since, let notBy, let title, let screen):
            do {
                let (entries, matching) = try store.log(
                    record: record, since: since, notBy: notBy, limit: record == nil ? Self.historyLimit : nil)
                let history = HistoryScreen(title: title, entries: entries, matching: matching, oneRecord: record != nil)
                return [.open(ScreenBox(history), from: screen)]
            } catch {
                return [.tell(Status(Words.say("History not read: {reason}", ["reason": error.message]), isError: true))]
            }
        case .continueImport(let screen):
            return writeBatch(replyTo: screen)
        case .speak(let language):
            do {
                // Every frame from the next on is drawn in it: the screens read their words as they draw.
                try Words.use(language)
                return [
                    .languageChanged(language),
                    .tell(Status(Words.say("Cairn speaks {language} for this session.", ["language": language.name]))),
                ]
            } catch {
                return [.tell(Status(Words.say("Language not changed: {reason}", ["reason": error.description]), isError: true))]
            }
        case .undoImport(let run, let summary, let screen):
            let asked = Outcome(changes: [], inverse: [], summary: Words.say("Undone: {change}", ["change": summary]), putsBack: true)
            do {
                let plan = ImportUndo.plan(try store.importRun(run), world: store.world)
                guard !plan.inverse.isEmpty else { throw StoreError(Words.say("nothing of that import is left to undo")) }
                let author = Author(user: store.identity.user, today: today)
                var done = try store.perform(.undo(plan.inverse, summary: summary), by: author, source: ImportRun.undoPrefix + run)
                // What stays is named (cairn undo-import --dry-run lists every one).
                if let first = plan.kept.first {
                    done.outcome.summary +=
                        "; "
                        + (plan.kept.count > 1
                            ? Words.count(
                                "kept {first} and {count} more", "kept {first} and {count} more", plan.kept.count - 1, ["first": first])
                            : Words.say("kept {first}", ["first": first]))
                }
                return [.worldChanged(store.world), .deliver(.committed(done.outcome, undoable: false), to: screen)]
            } catch let error as StoreError {
                return [.deliver(.commitFailed(asked, message: error.message), to: screen)]
            } catch {
                // The status line says "Not undone: " already.
                let said = (error as? PerformError)?.message ?? "\(error)"
                return [
                    .worldChanged(store.world),
                    .deliver(.commitFailed(asked, message: said.hasPrefix("not undone: ") ? String(said.dropFirst(12)) : said), to: screen),
                ]
            }
        }
    }

    /// Writes the next batch of the running import through the rule book, one commit each.
    private func writeBatch(replyTo screen: ScreenID) -> [AppAction] {
        guard var job = importJob else { return [] }
        let slice = Array(job.changes[job.done..<min(job.changes.count, job.done + ImportEffects.batch)])
        do {
            let author = Author(user: store.identity.user, today: Day.today())
            try store.perform(
                .carry(slice, summary: "Imported \(job.file)"), by: author, source: ImportRun.source(file: job.file, run: job.run))
        } catch {
            importJob = nil
            return [
                .worldChanged(store.world),
                .deliver(.importFailed(Words.say("Not all written: {reason}", ["reason": "\(error)"])), to: screen),
            ]
        }
        job.done += slice.count
        let progress = AppAction.deliver(.importProgress(done: job.done, total: job.changes.count), to: screen)
        if job.done >= job.changes.count {
            importJob = nil
            let written = AppAction.deliver(.importWritten(run: job.run, file: job.file, changes: job.changes.count), to: screen)
            return [.worldChanged(store.world), written, progress]
        }
        importJob = job
        return [progress]
    }
}
