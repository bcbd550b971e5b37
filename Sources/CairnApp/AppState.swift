import CairnCore
import TermUI

/// Everything the terminal UI shows, as one value: `update` changes it, `render` draws it.
public struct AppState: Sendable {
    public var world: World
    public var today: Day
    public var user: String
    public var width: Int
    public var height: Int
    /// Screens above Home, the top one showing. Home is always underneath.
    public var stack: [Screen] = []
    public var home = HomeScreen()
    public var modal: Modal?
    public var status: Status?
    /// Inverses of this session's commits, newest last: what `u` undoes.
    public var undoStack: [Commit] = []
    /// Commits sent to the store and not yet confirmed.
    public var pending = 0

    /// The smallest terminal the screens are laid out for.
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public init(world: World, today: Day, user: String, width: Int = 80, height: Int = 24) {
        self.world = world
        self.today = today
        self.user = user
        self.width = width
        self.height = height
        refreshLists()
    }

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// Rows of the list body: the screen less title, tabs, status line and footer (and header on a cluster).
    var listHeight: Int { max(1, height - 5) }

    public var topForm: FormState? {
        if case .form(let f) = stack.last { return f }
        return nil
    }
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

/// A set of changes on its way to the store, with what to say once saved and how to undo it.
public struct Commit: Sendable, Equatable {
    public var changes: [Change]
    public var summary: String
    /// The changes that undo this commit (nil for an undo itself, which is not undone again).
    public var inverse: [Change]?
    /// The form that produced it, reopened if the store refuses the write.
    public var form: FormState?

    public init(changes: [Change], summary: String, inverse: [Change]?, form: FormState?) {
        self.changes = changes
        self.summary = summary
        self.inverse = inverse
        self.form = form
    }
}

/// What the app asks the outside world to do. Only the run loop carries these out.
public enum Effect: Sendable, Equatable {
    case commit(Commit)
    case loadExamples
    /// Keep the open form as this session's draft (it survives a dropped link).
    case saveDraft(FormState)
    case clearDraft
    /// The draft a previous session left was restored or declined: remove its file.
    case discardLeftDraft
    /// Write the cluster's monitoring report to a file; the result comes back as `.reportWritten`.
    case writeReport(cluster: String)
    /// Read a register and plan its import without writing; comes back as `.importPreviewed`.
    case previewImport(path: String, maps: [String])
    /// Import it, reporting `.importProgress` as batches are written.
    case runImport(path: String, maps: [String])
    case quit
}

/// What happened, fed to `update`.
public enum AppAction: Sendable {
    case key(Key)
    case resized(width: Int, height: Int)
    /// The store's world after a commit or after another session's changes arrived.
    case worldChanged(World)
    case committed(Commit)
    case commitFailed(Commit, message: String)
    case examplesFailed(String)
    /// A draft left by a session that ended (dropped link, closed terminal).
    case offerDraft(FormState)
    case dayChanged(Day)
    /// Where a report was written, or why it was not.
    case reportWritten(path: String)
    case reportFailed(String)
    case importPreviewed(ImportPreview)
    case importFailed(String)
    case importProgress(done: Int, total: Int)
}
