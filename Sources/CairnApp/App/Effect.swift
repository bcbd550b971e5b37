import CairnCore
import CairnWords
import TermUI

/// What a screen asks for: a move of the stack of screens, which `AppState.send` carries out
/// itself, or work outside the screens, which it hands to the run loop's one interpreter, the
/// only place where the disk is touched. Screens write either kind alike (`.push(box)`,
/// `.commit(…)`: `Effect+Shorthand.swift`).
public enum Effect: Sendable, Equatable {
    case stack(StackMove)
    case outside(DiskEffect)
}

/// A move of the stack of screens, carried out by `AppState` itself.
public enum StackMove: Sendable, Equatable {
    /// Open a screen on top.
    case push(ScreenBox)
    /// Close a screen (and any above it).
    case close(ScreenID)
    /// A line of feedback under the body.
    case say(Status)
    /// Undo this session's last commit, replying to the screen that asked.
    case undoLast(replyTo: ScreenID)
    /// End the session (`AppState.quitRequested`); nothing asked after it is carried out.
    case quit
}

/// Work on the store, the disk or the network, carried out by the run loop's one interpreter;
/// each result comes back as an action addressed to the screen that asked.
public enum DiskEffect: Sendable, Equatable {
    /// Carry out the operation through the store, which asks the rule book again under its lock
    /// on the world as it is on disk and writes what it returns as one commit; `preview` is what
    /// the rule book said on this screen's world. The reply is `.committed` (with the outcome
    /// written) or `.commitFailed`.
    case commit(DomainOperation, preview: Outcome, replyTo: ScreenID, undoable: Bool)
    /// Read the example clusters not yet in the store; the reply is `.examplesRead`.
    case readExamples(replyTo: ScreenID)
    /// Read the examples to start from (the shipped library and the store's own); the reply
    /// is `.inspirationRead`, or a status line saying why not.
    case readInspiration(replyTo: ScreenID)
    /// Keep the open form as this session's draft (it survives a dropped link).
    case saveDraft(FormState)
    case clearDraft
    /// The draft a previous session left was restored or declined: remove its file.
    case discardLeftDraft
    /// Write the cluster's monitoring report; the reply is `.reportWritten`.
    case writeReport(cluster: String, replyTo: ScreenID)
    /// Write the cluster's local action plan (HTML, to print); the reply is `.reportWritten`.
    case writePlan(cluster: String, replyTo: ScreenID)
    /// Write the calendar of what is due (one cluster's, or with nil every cluster's) next to
    /// the reports; the reply is `.calendarWritten` or `.reportFailed`.
    case writeCalendar(cluster: String?, replyTo: ScreenID)
    /// Write a list's marked rows, or its filtered view, as CSV next to the reports
    /// (`ListCSV`); the status line says where and how many rows.
    case writeListCSV(ListCSV)
    /// Read a register and plan its import without writing; the reply is `.importPreviewed`.
    case previewImport(ImportRequest, replyTo: ScreenID)
    /// Import it; each batch written replies `.importProgress`.
    case runImport(ImportRequest, replyTo: ScreenID)
    /// Write the next batch of a running import.
    case continueImport(replyTo: ScreenID)
    /// Undo a whole import (`u` right after it), however many batches it took; the reply is
    /// `.committed` or `.commitFailed`.
    case undoImport(run: String, summary: String, replyTo: ScreenID)
    /// Sync the store through git in the background; its steps and its outcome come back as
    /// `.tell`, what it brought as `.worldChanged`.
    case sync
    /// Read the trail of one record (`record`), or of every record since a time (`since`, less
    /// what `notBy` did), and open it as a `HistoryScreen` titled `title`.
    case readHistory(record: String?, since: String?, notBy: String? = nil, title: String, replyTo: ScreenID)
    /// Speak `language` for the rest of the session: its catalogue read, then `.languageChanged`
    /// redraws every open screen in it; a catalogue that cannot be read is a status line.
    case speak(Language)
}

/// The result of an effect, sent back to the screen that asked for it.
public enum ScreenEvent: Sendable, Equatable {
    case committed(Outcome, undoable: Bool)
    case commitFailed(Outcome, message: String)
    case examplesRead([Change])
    case inspirationRead(Inspiration)
    case examplesFailed(String)
    case reportWritten(path: String)
    case reportFailed(String)
    case calendarWritten(path: String, items: Int)
    case importPreviewed(ImportPreview)
    case importFailed(String)
    case importProgress(done: Int, total: Int)
    /// The import is all written, as run `run`: `u` undoes it as one step.
    case importWritten(run: String, file: String, changes: Int)
}

/// What happened, fed to `AppState.send`.
public enum AppAction: Sendable {
    case key(Key)
    case resized(width: Int, height: Int)
    /// The store's world after a commit or after another session's changes arrived.
    case worldChanged(World)
    case dayChanged(Day)
    /// A draft left by a session that ended (dropped link, closed terminal).
    case offerDraft(FormState)
    /// An effect's result, for the screen that asked.
    case deliver(ScreenEvent, to: ScreenID)
    /// Something the person must hear at once (a conflict with another session's change).
    case tell(Status)
    /// What the title bar says of sync changed (a commit, a sync's end).
    case syncLineChanged(SyncLine?)
    /// A screen made from what the run loop read (a history), opened over the one that asked.
    case open(ScreenBox, from: ScreenID)
    /// The session speaks `language` from now on (`DiskEffect.speak`): every list is built again.
    case languageChanged(Language)
}

/// A line of feedback under the body: what was saved, or what went wrong.
public struct Status: Sendable, Equatable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}

/// A list written to CSV by `W`: its header and rows, the marked ones or those the filter
/// shows, to `reports/NAME-DAY.csv` in the store (a cluster's list with the cluster's name
/// before it, as its reports are named).
public struct ListCSV: Sendable, Equatable {
    public var name: String
    public var cluster: String?
    public var header: [String]
    public var rows: [[String]]
    /// The rows are those marked, not the whole view: said so on the status line.
    public var marked: Bool

    public init(name: String, cluster: String? = nil, header: [String], rows: [[String]], marked: Bool = false) {
        self.name = name
        self.cluster = cluster
        self.header = header
        self.rows = rows
        self.marked = marked
    }
}
