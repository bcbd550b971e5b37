import CairnCore
import CairnWords
import Foundation

/// How a journal line becomes part of the world: the rules a line from elsewhere is held to,
/// the one fold every read and commit goes through, and where a line is when it must be named.
extension Store {
    /// Records another machine (or a hand, or another program) wrote are held to the rules a
    /// form holds a record to on its own (a name, a plausible e-mail, a tick with both its day
    /// and its person…); one that breaks them is reported with its line and not read. Rules
    /// between records (that its cluster exists) are the fold's: its order already follows
    /// what the writer saw. This instance's own journal was checked when it was written, and
    /// so was the one versions before 9 wrote on this host under its name (`server.jsonl`):
    /// checking them again would add a pass over every record of a national store to every start.
    ///
    /// - Parameter before: what earlier slices of the same file refused: their lines' ids and
    ///   commits are left out here too, as a read of the whole file leaves them out.
    /// - Returns: what is refused so far, this slice's with `before`.
    @discardableResult
    func checkForeign(_ result: inout JournalReader.Result, file: URL, refusedBefore before: Refused = Refused()) -> Refused {
        let name = file.lastPathComponent
        guard !JournalSegment.isSegment(name, of: instance.id), name != "\(identity.fileSafeHost).jsonl" else { return before }
        let alone = World()
        var refused = before.events
        var refusedCommits = before.commits
        // The rules of each record alone, on both cores: a foreign journal may hold every record of a national store.
        let events = result.events
        let slots = UnsafeMutableBufferPointer<FieldIssue?>.allocate(capacity: events.count)
        slots.initialize(repeating: nil)
        defer { slots.deallocate() }
        nonisolated(unsafe) let found = slots
        let parts = events.count > 20_000 ? 2 : 1
        let speech = Words.speech
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = (part * events.count / parts)..<((part + 1) * events.count / parts)
            Words.speaking(speech) {
                for i in range {
                    guard case .put(let record) = events[i].change else { continue }
                    found[i] = alone.validate(record).1.first { !$0.isGap && !Store.betweenRecords.contains($0.field) }
                }
            }
        }
        for (i, event) in events.enumerated() {
            guard case .put(let record) = event.change, let issue = found[i] else { continue }
            refused.insert(event.id)
            if let commit = event.commit { refusedCommits.insert(commit.id) }  // all of its commit, or none
            let (_, line) = Store.locate(event.id, in: [file])
            result.problems.append(
                JournalProblem(
                    kind: .damagedLine, file: file.lastPathComponent, line: line,
                    detail: Words.say(
                        "{record} breaks a rule ({field}: {message}); its commit is not read", context: "store",
                        ["record": alone.describe(record), "field": issue.field, "message": issue.message])))
        }
        guard !refused.isEmpty || !refusedCommits.isEmpty else { return before }
        result.sortProblems()
        let all = Refused(events: refused, commits: refusedCommits)
        result.events.removeAll { all.contains($0) }
        return all
    }

    /// The events and commits of a journal from elsewhere that break a rule: each line with one
    /// of their ids is left out, wherever in the file it lies.
    struct Refused: Sendable, Equatable {
        var events: Set<String> = []
        var commits: Set<String> = []

        /// Whether an event is one of them, or part of one of them.
        func contains(_ event: Event) -> Bool { events.contains(event.id) || (event.commit.map { commits.contains($0.id) } ?? false) }
    }

    /// Fields whose rules look at other records, left to the fold.
    static let betweenRecords: Set<String> = [
        "cluster", "member", "goal", "concerns", "owner", "responsible", "lead", "officialId", "link", "contributesTo",
    ]

    /// Folds an event into the world, noting conflicts, unless it cannot be: a create (a put
    /// with no `base`) under an id the world already holds (two records were given one id; the
    /// first stands), or an edit that does not fit its record. Either is reported, never folded.
    static func fold(_ event: Event, into world: inout World, files: [URL], found: inout [Conflict]) -> JournalProblem? {
        // A line from elsewhere (another machine's journal, an old version, a hand edit) must
        // name a record the way Cairn does before it can stand for one.
        guard RecordID.isValid(event.change.recordID, for: event.change.kind) else {
            let (file, line) = locate(event.id, in: files)
            return JournalProblem(
                kind: .damagedLine, file: file, line: line,
                detail: Words.say(
                    "“{id}” is not an id of a {kind}; it is not read", context: "store",
                    ["id": event.change.recordID, "kind": event.change.kind.rawValue]))
        }
        if case .put(let record) = event.change, event.base == nil {
            // One hash for the usual case, a record made once.
            let writer = Conflict.Side(value: .null, by: event.by, at: event.at, event: event.id)
            guard let existing = world.foldCreate(record, by: writer, found: &found) else { return nil }
            let (file, line) = locate(event.id, in: files)
            return JournalProblem(
                kind: .damagedLine, file: file, line: line,
                detail: Words.say(
                    "it creates {id}, which is already {record} (one id given twice); it is not read", context: "store",
                    ["id": record.id, "record": world.describe(existing)]))
        }
        do {
            found += try world.fold(
                event.change, by: Conflict.Side(value: .null, by: event.by, at: event.at, event: event.id), seen: event.seen)
            return nil
        } catch {
            let (file, line) = locate(event.id, in: files)
            return JournalProblem(
                kind: .damagedLine, file: file, line: line,
                detail: Words.say("{reason}; it is not folded", context: "store", ["reason": error.message]))

        }
    }

    /// The journal file and line of an event, found by its id: only for the rare message about
    /// it, so that the 160,000 events of a load carry no position of their own.
    static func locate(_ eventID: String, in files: [URL]) -> (file: String, line: Int) {
        let needle = Array("\"id\":\"\(eventID)\"".utf8)
        for file in files {
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            let bytes = [UInt8](data)
            var line = 1
            var i = 0
            while i + needle.count <= bytes.count {
                if bytes[i] == 0x0A {
                    line += 1
                } else if bytes[i] == needle[0], Array(bytes[i..<i + needle.count]) == needle {
                    return (file.lastPathComponent, line)
                }
                i += 1
            }
        }
        return ("journal", 0)
    }
}
