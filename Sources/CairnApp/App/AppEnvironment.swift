import CairnCore
import CairnWords

/// What every screen may read: the world, today, the user, the terminal's size, and where new
/// record ids come from. One value, handed in, so that the same keys on the same state give the
/// same effects and the same state.
public struct AppEnvironment: Sendable, Equatable {
    public var world: World
    public var today: Day
    public var user: String
    public var width: Int
    public var height: Int
    /// Random in the application, seeded in tests.
    public var ids: RecordIDSource
    /// Why nothing can be saved in this store (a read-only mount, no write permission), if so:
    /// said in the title bar from the first frame, before anyone types a form in vain.
    public var readOnly: String?
    /// For a store shared through git: what is unsent and when it last synced ("3 unsent ·
    /// synced 12-01 14:02"), or that a sync is running. Nil for a store of this machine alone.
    public var syncLine: SyncLine?
    /// When this person last opened Cairn here, and how many changes others made since: said
    /// on Home, and `L` lists them. Nil the first time.
    public var sinceLastOpen: SinceLastOpen?
    /// While a start draws Home before the world is read whole: all Home shows, from the
    /// snapshot (`Store.firstLook`), while `world` is still empty. Nil from the moment the world
    /// is whole (`AppState.takeWholeWorld`).
    public var firstLook: FirstLook?
    /// The world's first look when known without working it out: set only while the screens
    /// take a world read whole from the snapshot the first look came from (`takeWholeWorld`).
    var worldLook: FirstLook?
    /// The language the screens speak: the session's at its start, then the one chosen on
    /// Home (`T`). Lists are built again when it changes (`listSource`).
    public var language: Language

    public init(
        world: World, today: Day, user: String, width: Int, height: Int, ids: RecordIDSource = .random, language: Language = Words.language
    ) {
        self.language = language
        self.world = world
        self.today = today
        self.user = user
        self.width = width
        self.height = height
        self.ids = ids
    }

    /// Whether the store holds nothing yet: Home then welcomes rather than lists.
    public var storeIsEmpty: Bool { firstLook?.isEmpty ?? world.isEmpty }

    /// Open conflicts, said in the title bar on every screen.
    public var conflictCount: Int { firstLook?.conflicts ?? world.conflicts.count }

    /// Who a change is made by, and on which day.
    public var author: Author { Author(user: user, today: today) }

    /// The rows between the title bar and the status line and footer.
    public var bodyHeight: Int { max(1, height - 3) }
}

/// A screen's place in the stack: stable while it is open, so that the result of an effect
/// reaches the screen that asked for it whether or not it is on top.
public struct ScreenID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let raw: Int
    public init(_ raw: Int) { self.raw = raw }
    /// Home, always at the bottom of the stack.
    public static let home = ScreenID(0)
    /// A screen not yet pushed; the stack gives it its id.
    public static let unassigned = ScreenID(-1)
    public var description: String { "#\(raw)" }
}

/// What a screen's `update` is given: the environment (its id source may be drawn from) and the
/// screen's own id, to address effects' replies to.
public struct ScreenContext: Sendable {
    public var env: AppEnvironment
    public let id: ScreenID
}

/// What changed while this person was away: since `at` (an event time), `changes` by others.
public struct SinceLastOpen: Sendable, Equatable {
    public var at: String
    public var changes: Int
    public init(at: String, changes: Int) {
        self.at = at
        self.changes = changes
    }

    /// `12-01 14:02` (UTC), as the title bar writes times.
    public var when: String { EventTime.short(at) }
}
