import CairnCore
import TermUI

/// A screen above Home.
public enum Screen: Sendable {
    case cluster(ClusterScreen)
    case record(RecordScreen)
    case form(FormState)
    case picker(PickerScreen)
    case workshop(WorkshopScreen)
    case importing(ImportScreen)
}

/// What a key does on a list screen; one list of `KeyBinding<Command>` per screen drives the
/// keys, the footer and `?` help.
public enum Command: Sendable, Equatable {
    case move, quit, back, nextTab, previousTab
    case tab(Int)
    case filter, open, add, edit, editCluster, delete
    case undo, help, toggleDone, loadExamples, measure, agreement, sort, workshop, cycleFilter, cycleRegion, report, importRegister
}

/// A question that waits for an answer before anything else happens.
public enum Modal: Sendable {
    case confirm(question: String, onYes: PendingOp)
    /// A one-line prompt; `field` holds what is typed.
    case prompt(label: String, field: TextField, purpose: PromptPurpose)
    case help(title: String, lines: [(String, String)])
}

public enum PendingOp: Sendable {
    case commit(Commit)
    case discardForm
    case restoreDraft(FormState)
}

public enum PromptPurpose: Sendable, Equatable {
    case tick(checkpoint: String)
}

/// Home: four tabs of lists.
public struct HomeScreen: Sendable {
    public static let tabs = ["Clusters", "Schools", "Agencies", "Checkpoints"]
    public var tab = 0
    public var lists = [ListModel](repeating: ListModel(), count: 4)
    /// The Clusters tab sorted weakest first (`s`), else by name.
    public var sortByHealth = false
    /// Filters of the Checkpoints tab (`f` cycles the time, `R` the region).
    public var checkpointFilter = CheckpointFilter.all
    /// Overdue checkpoints in the whole store, counted when the Checkpoints tab is rebuilt.
    public var overdueCount = 0
    public var region: String?
    public init() {}
}

/// One cluster: a header and a tab for each part of its plan (`ClusterTab`).
public struct ClusterScreen: Sendable {
    public var clusterID: String
    public var tab = 0
    public var lists = [ListModel](repeating: ListModel(), count: ClusterTab.allCases.count)
    /// The Coverage tab shows the cluster's whole region instead (`R`).
    public var regionCoverage = false
    /// Header facts and tab counts, rebuilt when the world changes (see `refreshLists`).
    public var summary: ClusterSummary?
    public init(clusterID: String) { self.clusterID = clusterID }

    public var current: ClusterTab { ClusterTab(rawValue: tab) ?? .members }
}

/// One school or agency: its fields and the clusters it belongs to.
public struct RecordScreen: Sendable {
    public var type: MemberType
    public var id: String
    public var clusters = ListModel()
    public init(type: MemberType, id: String) {
        self.type = type
        self.id = id
    }
}

/// The member picker: existing schools and agencies not yet in the cluster, plus rows that make
/// a new school or agency on the spot. Typing filters straight away.
public struct PickerScreen: Sendable {
    public static let newSchool = "+school"
    public static let newAgency = "+agency"
    public var clusterID: String
    public var list = ListModel()
    public init(clusterID: String) {
        self.clusterID = clusterID
        list.filtering = true
    }
}
