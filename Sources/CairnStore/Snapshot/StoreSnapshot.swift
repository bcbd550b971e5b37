import CairnCore
import Foundation
import Synchronization

/// The world as folded up to a place in each journal file, kept in `local/snapshot` so that a
/// start reads only the journals' tail. The journals stay the only truth: the snapshot is this
/// machine's cache (never shared by sync), trusted only while every journal it names still
/// begins and runs up to its place as it did, and rebuilt by a full read otherwise.
struct StoreSnapshot: Sendable {
    /// Where one journal file was read up to, and a fingerprint of what was read: the file
    /// itself (its inode: an editor, `sed -i`, git or a restore writes a new one), its first
    /// bytes and the bytes just before the place. Appends keep all three; a file replaced,
    /// restored or cut changes at least one. (A change made in place, in the middle, keeping
    /// the length, is seen only by `cairn check`, which always reads every journal.)
    ///
    /// A file with another inode (a copied store, a restored backup) still fits when its hash
    /// chain, walked up to the place, ends in the link the snapshot noted (`link`): the chain
    /// covers every byte before it, so those are the bytes the snapshot read.
    struct Mark: Equatable, Sendable {
        var file: String
        var offset: Int
        var line: Int
        var inode: UInt64
        var head: UInt64
        var tail: UInt64
        /// The hash chain's link at `offset`; empty when it could not be read.
        var link: [UInt8] = []
        /// The file as `lstat` saw it just before its bytes were fingerprinted (`JournalStat`):
        /// a start that finds it so again trusts the fingerprint without reading it.
        var seen: JournalStat?

        /// Its fingerprint (all but the link) as a snapshot or a journal's index writes it.
        func write(to w: inout SnapshotWriter) {
            w.text(file)
            w.number(offset)
            w.number(line)
            w.unsigned(inode)
            w.unsigned(head)
            w.unsigned(tail)
        }

        /// A fingerprint as `write(to:)` wrote it.
        static func read(_ r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> Mark {
            Mark(
                file: try r.text(), offset: try r.number(), line: try r.number(), inode: try r.unsigned(), head: try r.unsigned(),
                tail: try r.unsigned())
        }

        /// The same place in the same bytes, whichever file holds them.
        func sameBytes(as other: Mark) -> Bool {
            file == other.file && offset == other.offset && line == other.line && head == other.head && tail == other.tail
        }
    }

    var marks: [Mark]
    /// Each journal as the snapshot saw it when it fingerprinted it, by name.
    var seen: [String: JournalStat] { Self.seen(marks) }

    static func seen(_ marks: [Mark]) -> [String: JournalStat] {
        var out: [String: JournalStat] = [:]
        for m in marks { if let seen = m.seen { out[m.file] = seen } }
        return out
    }
    var eventCount: Int
    var clockHigh: (key: Int64, at: String, count: Int)
    var lastApplied: EventOrder?
    var world: World
    /// What Home's first frame needs beside the clusters, taken from `world` when written.
    var look: FirstLook
    /// The bytes the world's parts are read from (nil: one not read from a file).
    var bytes: SnapshotBytes?
    /// The format it was read in: one before the current is written anew at the start.
    var written = StoreSnapshot.format
    /// The seal it was written with: a new one each time, so two reads with one seal read one snapshot.
    var seal: UInt64 = 0
    /// Where the world's parts start in `bytes`, while the world is not read (`withWorld`).
    var worldAt: Int?
    /// How many schools and agencies each cluster had (formats from 18).
    var memberCounts: [String: World.MemberCount]?
    /// The world's parts, opened on another thread while the first look is read (`withWorld`
    /// takes them), and the orders the Schools and Agencies tabs take checked on a third: a
    /// key pressed at the first frame finds them done.
    var worldAlongside: Pending<World?>?

    static let magic = Array("cairn snapshot\n".utf8)
    /// Raised whenever the snapshot's form changes; an older one is then rebuilt, not read.
    static let format = 19
    /// The formats before: 18 kept no order of the clusters; 17 neither the journals' stats
    /// nor the clusters' member counts. Read as they are (the clusters sorted, the journals
    /// fingerprinted, the counts worked out from every membership), and written anew.
    static let formatsBefore = [17, 18]
    /// The vocabularies, whose words a snapshot stores by place: a Cairn with other words
    /// rebuilds it.
    static let words: String = {
        let lists: [[String]] = [
            RecordKind.allCases.map(\.rawValue), Phase.allCases.map(\.rawValue), Sector.allCases.map(\.rawValue),
            Level.allCases.map(\.rawValue), ClusterKind.allCases.map(\.rawValue), Formality.allCases.map(\.rawValue),
            MemberType.allCases.map(\.rawValue), Priority.allCases.map(\.rawValue), Direction.allCases.map(\.rawValue),
            ActionClass.allCases.map(\.rawValue), ActionStatus.allCases.map(\.rawValue), GroupingLevel.allCases.map(\.rawValue),
            LinkRelation.allCases.map(\.rawValue), Lineage.allCases.map(\.rawValue),
        ]
        return lists.map { $0.joined(separator: ",") }.joined(separator: ";")
    }()
    /// How much of a journal's start and of what precedes its place the fingerprint covers.
    static let fingerprintBytes = 4096

    /// - Parameter format: the format to write, the current one or one before (as an older
    ///   Cairn wrote it).
    func encoded(format: Int = StoreSnapshot.format) throws(World.Unsound) -> [UInt8] {
        let stats = format >= 18
        var w = SnapshotWriter(capacity: 1 << 20)
        w.raw(Self.magic)
        w.number(format)
        w.text(Self.words)
        // A new seal each time: a part of another snapshot fails this one's checksums.
        let seal = UInt64.random(in: 1...UInt64.max)
        w.unsigned(seal)
        w.seal = seal
        var head = SnapshotWriter(capacity: 256)
        head.number(eventCount)
        head.number(Int(clockHigh.key))
        head.text(clockHigh.at)
        head.number(clockHigh.count)
        head.bool(lastApplied != nil)
        if let lastApplied {
            head.number(Int(lastApplied.key))
            head.number(lastApplied.clock)
        }
        head.number(marks.count)
        for m in marks {
            m.write(to: &head)
            head.number(m.link.count)
            for b in m.link { head.byte(b) }
            guard stats else { continue }
            head.bool(m.seen != nil)
            m.seen?.write(to: &head)
        }
        w.section(head)
        var first = SnapshotWriter(capacity: 1 << 16)
        look.writeSnapshot(to: &first)
        if stats {
            // From every membership, as the look is: counts forged into one do not live on.
            let counts = world.currentMemberCountsScanning()
            first.number(counts.count)
            for (cluster, n) in counts.sorted(by: { $0.key < $1.key }) {
                first.text(cluster)
                first.number(n.schools)
                first.number(n.agencies)
            }
        }
        if format >= 19 {
            // The order the writer's own alphabet lists the clusters in: its next first frame.
            let alphabet = Alphabet.session
            first.text(alphabet.tag)
            let order = NameOrder.shown(look.clusters.values, by: \.name, id: \.id, in: alphabet)
            first.number(order.count)
            for c in order { first.text(c.id) }
        }
        w.section(first)
        try world.writeSnapshot(to: &w)
        return w.bytes
    }

    /// The snapshot `bytes` hold, or nil when they are not one this Cairn wrote. Only its head
    /// is read and checked here: the world's parts when first asked for (`SnapshotPart`).
    ///
    /// - Parameters:
    ///   - firstLookOnly: read only what Home's first frame needs (`FirstLook`), the world
    ///     left empty.
    ///   - headRead: given each journal as the snapshot saw it (`seen`) as soon as the head
    ///     is read, before the first look: a start lists `journal/` against it meanwhile.
    ///   - journals: the store's `journal/`, from which a part found damaged is taken (the
    ///     journals folded up to the marks): given, the name orders are checked at once,
    ///     beside the first look (`worldAlongside`); else only when a list asks, once the
    ///     read has said where the journals are.
    static func decode(
        _ bytes: SnapshotBytes, firstLookOnly: Bool = false, headRead: ((_ seen: [String: JournalStat]) -> Void)? = nil,
        journals: URL? = nil
    ) -> StoreSnapshot? {
        // The magic, the format, the vocabularies and the seal: a few hundred bytes.
        guard let start = bytes.load(0, 1 << 12), start.buffer.count >= magic.count,
            memcmp(start.buffer.baseAddress!, magic, magic.count) == 0
        else { return nil }
        var r = SnapshotReader(start, from: magic.count)
        do {
            let written = try r.number()
            guard written == format || formatsBefore.contains(written), try r.text() == words else { return nil }
            let seal = try r.unsigned()
            var offset = r.offset
            guard let headSection = bytes.section(at: offset), let headBytes = bytes.checked(headSection, seal: seal) else { return nil }
            offset = headSection.end
            var head = SnapshotReader(headBytes)
            let eventCount = try head.number()
            let clockHigh = (key: Int64(try head.number()), at: try head.text(), count: try head.number())
            let lastApplied = try head.bool() ? EventOrder(key: Int64(try head.number()), clock: try head.number()) : nil
            var marks: [Mark] = []
            for _ in 0..<(try head.count()) {
                var mark = try Mark.read(&head)
                // A place before the start, or before the first line, is no place in a journal.
                guard mark.offset >= 0, mark.line >= 1, mark.line <= mark.offset + 1 else { return nil }
                let links = try head.count()
                guard links <= 32 else { return nil }
                for _ in 0..<links { mark.link.append(try head.byte()) }
                if written >= 18, try head.bool() { mark.seen = try JournalStat.read(&head) }
                marks.append(mark)
            }
            guard head.isAtEnd else { return nil }
            headRead?(Self.seen(marks))
            if let journals { bytes.recoverFrom(journals, marks: marks, events: eventCount) }
            guard let firstSection = bytes.section(at: offset), let firstBytes = bytes.checked(firstSection, seal: seal) else { return nil }
            offset = firstSection.end
            var first = SnapshotReader(firstBytes)
            var look = try FirstLook(snapshot: &first)
            var counts: [String: World.MemberCount]?
            if written >= 18 {
                var read: [String: World.MemberCount] = [:]
                for _ in 0..<(try first.count()) {
                    let cluster = try first.text()
                    let n = (schools: try first.number(), agencies: try first.number())
                    // Far below where counting on from them could overflow.
                    guard (0...Int(UInt32.max)).contains(n.schools), (0...Int(UInt32.max)).contains(n.agencies) else { return nil }
                    read[cluster] = n
                }
                counts = read
            }
            if written >= 19 {
                let tag = try first.text()
                var ids: [String] = []
                for _ in 0..<(try first.count()) { ids.append(try first.text()) }
                look.clusterOrder = ClusterOrder(tag: tag, ids: ids)
            }
            guard first.isAtEnd else { return nil }
            withExtendedLifetime((headBytes, firstBytes)) {}
            var snapshot = StoreSnapshot(
                marks: marks, eventCount: eventCount, clockHigh: clockHigh, lastApplied: lastApplied, world: World(), look: look,
                bytes: bytes)
            snapshot.written = written
            snapshot.seal = seal
            snapshot.worldAt = offset
            snapshot.memberCounts = counts
            guard firstLookOnly else { return snapshot.withWorld() }
            snapshot.worldAlongside = Pending { [offset] in
                var at = offset
                guard let world = try? World(snapshot: bytes, at: &at, seal: seal), at == bytes.size else { return nil }
                // A part found damaged by the check is taken from the journals: never before
                // the read can take it so (found then, it would be lost for the session).
                if journals != nil {
                    let alphabet = Alphabet.session
                    DispatchQueue.global().async { world.trustNameOrders(in: alphabet) }
                }
                return world
            }
            try snapshot.look.readTables(snapshot: bytes, at: offset, seal: seal)
            snapshot.look.checkClusterOrder()
            return snapshot
        } catch {
            return nil
        }
    }

    /// The snapshot with its world, read from the same bytes after its first look was read
    /// (`firstLookOnly`); nil when the world's parts do not read.
    func withWorld() -> StoreSnapshot? {
        guard let bytes, var offset = worldAt else { return nil }
        do {
            var world: World
            if let alongside = worldAlongside {
                guard let read = alongside.value else { return nil }
                world = read
            } else {
                world = try World(snapshot: bytes, at: &offset, seal: seal)
                guard offset == bytes.size else { return nil }
            }
            // The look as the snapshot held it: Home's records are the world's own now.
            var look = look
            (look.clusters, look.assessments) = ([:], [:])
            world.lookAtSnapshot = LookAtSnapshot(look, memberCounts: memberCounts)
            var whole = self
            whole.world = world
            whole.worldAt = nil
            whole.worldAlongside = nil
            return whole
        } catch {
            return nil
        }
    }

    /// The snapshot in a copy of `bytes`, or nil when they are not one this Cairn wrote whole.
    static func decode(_ bytes: some Collection<UInt8>, firstLookOnly: Bool = false) -> StoreSnapshot? {
        decode(SnapshotBytes(copying: bytes), firstLookOnly: firstLookOnly)
    }

    /// Reads the snapshot file's head, or nil when there is none or it is damaged; the world's
    /// parts are read from the file, kept open, when first asked for.
    static func read(
        _ url: URL, firstLookOnly: Bool = false, headRead: ((_ seen: [String: JournalStat]) -> Void)? = nil, journals: URL? = nil
    ) -> StoreSnapshot? {
        // A link here is no snapshot: what it points at is not this store's to trust.
        guard !InsideStore.isLink(url.path), let bytes = SnapshotBytes.open(url) else { return nil }
        return decode(bytes, firstLookOnly: firstLookOnly, headRead: headRead, journals: journals)
    }
}
