/// What the run loop found in a register, for the import screen (plain values: the app does
/// not read files or know the store's import types).
public struct ImportPreview: Sendable, Equatable {
    /// A word of the register's phase column, the phases it gives (nil: a word Cairn does not
    /// know) and how many rows hold it.
    public struct PhaseWord: Sendable, Equatable {
        public var word: String
        public var phases: [String]?
        public var rows: Int
        public init(word: String, phases: [String]?, rows: Int) {
            self.word = word
            self.phases = phases
            self.rows = rows
        }
    }

    /// A column whose cells are all yes or no, and the phases a yes gives (none: not read).
    public struct YesNoColumn: Sendable, Equatable {
        public var column: Int
        public var phases: [String]
        public var yes: Int
        public init(column: Int, phases: [String], yes: Int) {
            self.column = column
            self.phases = phases
            self.yes = yes
        }
    }

    /// "UTF-8, comma-separated, header on line 1, 2539 rows", and a warning for Windows-1252.
    public var format: String
    public var header: [String]
    public var sample: [[String]]
    /// The fields a person may give a column, in order: a school's and its cluster's.
    public var fields: [String]
    /// Field name → column index, as guessed and as changed on the screen.
    public var mapping: [String: Int]
    public var phaseWords: [PhaseWord] = []
    public var yesNoColumns: [YesNoColumn] = []
    /// "line 12: no name".
    public var skipped: [String] = []
    /// "line 3: “Escola Básica Cesário Verde” (Loures) has the name of line 2 (Lisboa); both kept".
    public var duplicates: [String] = []
    /// Warnings and what happens to clusters.
    public var notes: [String] = []
    /// "2539 added, 0 updated, 0 unchanged, 3 skipped".
    public var counts: String
    public var changes: Int
    /// What stops the import, said in the screen's terms.
    public var problem: String?

    public init(
        format: String, header: [String], sample: [[String]], fields: [String], mapping: [String: Int], counts: String, changes: Int
    ) {
        self.format = format
        self.fields = fields
        self.header = header
        self.sample = sample
        self.mapping = mapping
        self.counts = counts
        self.changes = changes
    }
}

/// What the import screen asks the run loop to read or write: the file, each field's column
/// (`FIELD=N`, from 1), the phase words it was told (`WORD=PHASE,PHASE`) and the yes/no columns
/// (`N=PHASE,PHASE`). The first preview guesses the yes/no columns; later ones send them.
public struct ImportRequest: Sendable, Equatable {
    public var path: String
    public var maps: [String]
    public var phaseWords: [String]
    public var phaseColumns: [String]
    public var guessPhaseColumns: Bool

    public init(path: String, maps: [String] = [], phaseWords: [String] = [], phaseColumns: [String] = [], guessPhaseColumns: Bool = true) {
        self.path = path
        self.maps = maps
        self.phaseWords = phaseWords
        self.phaseColumns = phaseColumns
        self.guessPhaseColumns = guessPhaseColumns
    }
}
