import CairnCore

/// Where the world's parts lie in a snapshot: its head read and checked (the revision, the
/// count of recorded measurements, each part's count and the length of each of its sections),
/// and each part's sections found, none of them read.
struct SnapshotLayout {
    struct Part {
        let count: Int
        let body: SnapshotSection
        /// The checksum of each block of the body (`SnapshotBlocks`).
        let blocks: SnapshotSection
        /// Where its entries lie by key (`SnapshotKeys`): two for a kind grouped by cluster.
        let keys: [SnapshotSection]
    }

    let revision: Int
    let measurementsRecorded: Int
    let parts: [Part]

    /// - Parameter offset: where the world's head begins; moved past the last part.
    init(_ bytes: SnapshotBytes, at offset: inout Int, seal: UInt64) throws(SnapshotReader.Damaged) {
        func next() throws(SnapshotReader.Damaged) -> SnapshotSection {
            guard let section = bytes.section(at: offset) else { throw SnapshotReader.Damaged(at: offset) }
            offset = section.end
            return section
        }
        guard let headBytes = bytes.checked(try next(), seal: seal) else { throw SnapshotReader.Damaged(at: offset) }
        var head = SnapshotReader(headBytes)
        revision = try head.number()
        measurementsRecorded = try head.number()
        let counts = try World.partCounts(&head)
        var parts: [Part] = []
        for (i, count) in counts.enumerated() {
            let body = try next()
            // Each value takes a byte at least: no count of more can be true.
            guard try head.number() == body.length, count <= body.length else { throw SnapshotReader.Damaged(at: offset) }
            let blocks = try next()
            guard blocks.length == SnapshotBlocks.count(body.length) * 8 else { throw SnapshotReader.Damaged(at: offset) }
            var keys: [SnapshotSection] = []
            for _ in 0..<World.keySections(i) {
                let k = try next()
                guard try head.number() == k.length, k.length % SnapshotKeys.entryBytes == 0 else {
                    throw SnapshotReader.Damaged(at: offset)
                }
                keys.append(k)
            }
            parts.append(Part(count: count, body: body, blocks: blocks, keys: keys))
        }
        guard head.isAtEnd else { throw SnapshotReader.Damaged(at: offset) }
        self.parts = parts
    }
}
