import CairnWords

/// Something found wrong while reading a journal file.
public struct JournalProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The last line has no line break: a process was killed while writing it. Harmless;
        /// it is ignored, and cut off under the lock before the next append to that file.
        case tornTail
        /// A complete line that cannot be read. Reported, never rewritten.
        case damagedLine
        /// The first lines of a commit whose writer was killed, the next commit written after
        /// them: never folded, never cut (a journal loses no complete line).
        case interruptedCommit
        /// A file in `journal/` that is not a journal of this store's form (a link, a folder,
        /// a sparse file, a file of something else): never read, never sent by a sync.
        case notAJournal
    }

    public var kind: Kind
    public var file: String
    public var line: Int
    public var detail: String

    public var isDamage: Bool { kind == .damagedLine }

    public var description: String {
        switch kind {
        case .tornTail:
            return Words.say(
                "{file} line {line}: unfinished last line (a write was interrupted); ignored", context: "store",
                ["file": file, "line": String(line)])
        case .damagedLine:
            return Words.say(
                "{file} line {line} is damaged: {detail}", context: "store", ["file": file, "line": String(line), "detail": detail])
        case .interruptedCommit:
            return Words.say("{file} line {line}: {detail}", context: "store", ["file": file, "line": String(line), "detail": detail])
        case .notAJournal:
            return Words.say(
                "journal/{file} is not a Cairn journal ({detail}): it is neither read nor sent; `rm journal/{file}` removes it (and `git rm --cached journal/{file}` if a sync brought it)",
                context: "store",
                ["file": file, "detail": detail])

        }
    }
}
