import Foundation

/// A copy's journal is kept as segments: files that never change again once the next one
/// exists, and the last, open one, which its sessions append to. Git then stores and sends
/// only the open segment at a sync, however long the copy's history.
///
/// The first segment is `<copy>.jsonl` (the one file every copy wrote before segments), the
/// next ones `<copy>.seg000002.jsonl` and on. Each segment is a journal of its own to every
/// reader: its lines chain from its own name (`JournalChain`), so a version of Cairn that
/// knows nothing of segments reads, checks and syncs them as it reads any other journal.
public struct JournalSegment: Equatable, Sendable {
    /// The copy that writes it (its id).
    public var copy: String
    /// 1 for the first segment.
    public var number: Int

    /// The open segment is sealed (a new one begun) once it holds this many bytes, at the next
    /// commit: a sync then commits at most about this much of this copy's journal, compressed
    /// by git to a fifth or so.
    public static let sealAfter = 256 * 1024

    static let marker = ".seg"
    static let digits = 6

    public var fileName: String {
        guard number > 1 else { return copy + ".jsonl" }
        let n = String(number)
        return copy + Self.marker + String(repeating: "0", count: max(0, Self.digits - n.count)) + n + ".jsonl"
    }

    public var next: JournalSegment { JournalSegment(copy: copy, number: number + 1) }

    public init(copy: String, number: Int = 1) {
        self.copy = copy
        self.number = number
    }

    /// The segment a journal file's name is: `<copy>.jsonl` the first, `<copy>.segNNNNNN.jsonl`
    /// a later one; nil for a name that is no journal's.
    public init?(fileName: String) {
        // Read as bytes: a start reads the names of a thousand segments, several times.
        let name = Array(fileName.utf8)
        let ending = Array(".jsonl".utf8)
        let marker = Array(Self.marker.utf8)
        guard name.count > ending.count, name.suffix(ending.count).elementsEqual(ending) else { return nil }
        let stem = name.dropLast(ending.count)
        let digits = stem.suffix(Self.digits)
        if stem.count > marker.count + Self.digits, stem.dropLast(Self.digits).suffix(marker.count).elementsEqual(marker),
            digits.allSatisfy({ (0x30...0x39).contains($0) }),
            let number = Int(String(decoding: digits, as: UTF8.self)), number > 1
        {
            copy = String(decoding: stem.dropLast(Self.digits + marker.count), as: UTF8.self)
            self.number = number
        } else {
            copy = String(decoding: stem, as: UTF8.self)
            number = 1
        }
    }

    /// Whether the file named `fileName` is one of `copy`'s segments.
    public static func isSegment(_ fileName: String, of copy: String) -> Bool {
        JournalSegment(fileName: fileName)?.copy == copy
    }

    /// `copy`'s segments among `names`, first to last.
    static func segments(of copy: String, among names: [String]) -> [JournalSegment] {
        names.compactMap { JournalSegment(fileName: $0) }.filter { $0.copy == copy }.sorted { $0.number < $1.number }
    }

    /// `copy`'s segments in the journal folder, first to last.
    static func segments(of copy: String, in folder: URL) -> [JournalSegment] {
        segments(of: copy, among: (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
    }

    /// The segment `copy`'s sessions append to: the last one there (the first when none is).
    static func open(of copy: String, in folder: URL) -> JournalSegment {
        segments(of: copy, in: folder).last ?? JournalSegment(copy: copy)
    }
}
