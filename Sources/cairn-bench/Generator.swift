import CairnCore
import CairnStore
import Foundation

/// Makes a national-size store: schools, clusters, agencies, memberships and checkpoints with
/// names in several languages, written through the real store in large commits.
struct Generator {
    var schools = 25_000
    var clusters = 3_000
    var agencies = 5_000
    var checkpoints = 100_000
    /// Pad the journal with edits to this many events: the same world after years of use.
    var events: Int?
    /// Regional collaboratives grouping the clusters, each cluster in one.
    var collaboratives = 0

    static let places = [
        "Łódź", "Óbidos", "São João", "Þingeyjarsveit", "Whāngārei", "Ōtautahi", "Gent", "Portree", "Kraków", "Évora",
        "Akureyri", "Rotorua", "Middlesbrough", "Leuven", "Braga", "Gdańsk", "Tauranga", "Inverness", "Mechelen", "Coimbra",
    ]
    static let schoolWords = [
        "Escola Básica de", "Szkoła Podstawowa nr 3 w", "Kura Kaupapa Māori o", "Primary School,", "Grunnskóli", "Basisschool",
        "Academy of", "Kāhui Ako o",
    ]
    static let agencyWords = [
        "Câmara Municipal de", "Health Board of", "OCMW", "Jeugddienst", "VDAB", "Parents' Council of", "University of", "Social Care",
    ]

    func write(to store: Store, today: Day) throws {
        var rng = SystemRandomNumberGenerator()
        var batch: [Change] = []
        func flush(_ force: Bool = false) throws {
            if batch.count >= 5_000 || (force && !batch.isEmpty) {
                try store.perform(.carry(batch, summary: "Generated \(batch.count) records"))
                batch.removeAll(keepingCapacity: true)
            }
        }
        var clusterIDs: [String] = []
        for i in 0..<clusters {
            let place = Self.places[i % Self.places.count]
            let kind = ClusterKind.allCases[i % ClusterKind.allCases.count]
            let c = Cluster(officialId: "CL-\(i)", name: "\(kind.label.capitalized) \(place) \(i)", kind: kind, region: "Region \(i % 16)")
            clusterIDs.append(c.id)
            batch.append(.put(.cluster(c)))
            try flush()
        }
        for k in 0..<collaboratives {
            let g = Cluster(
                name: "Regional collaborative \(Self.places[k % Self.places.count]) \(k)", kind: .regionalCollaborative, level: .regional,
                region: "Region \(k % 16)")
            batch.append(.put(.cluster(g)))
            for i in stride(from: k, to: clusters, by: collaboratives) {
                batch.append(
                    .put(.membership(Membership(cluster: g.id, memberType: .cluster, memberId: clusterIDs[i], role: "member cluster"))))
            }
            try flush()
        }
        for i in 0..<schools {
            let s = School(
                officialId: "\(100_000 + i)",
                name: "\(Self.schoolWords[i % Self.schoolWords.count]) \(Self.places[(i / 8) % Self.places.count]) \(i)",
                phases: [Phase.allCases[i % 4]], municipality: Self.places[i % Self.places.count])
            batch.append(.put(.school(s)))
            batch.append(
                .put(
                    .membership(
                        Membership(
                            cluster: clusterIDs[i % clusters], memberType: .school, memberId: s.id, role: "member school",
                            lead: i < clusters))))
            try flush()
        }
        for i in 0..<agencies {
            let a = Agency(
                name: "\(Self.agencyWords[i % Self.agencyWords.count]) \(Self.places[i % Self.places.count]) \(i)",
                sector: Sector.allCases[i % Sector.allCases.count], level: Level.allCases[i % 4])
            batch.append(.put(.agency(a)))
            batch.append(
                .put(.membership(Membership(cluster: clusterIDs[i % clusters], memberType: .agency, memberId: a.id, role: "partner"))))
            try flush()
        }
        for i in 0..<checkpoints {
            var c = Checkpoint(
                cluster: clusterIDs[i % clusters], title: "Quarterly meeting \(i / clusters + 1)",
                due: today.adding(days: Int.random(in: -200...300, using: &rng)))
            if i % 3 == 0 { c = c.ticked(by: "officer\(i % 40)", on: c.due, evidence: "minutes \(i)") }
            batch.append(.put(.checkpoint(c)))
            try flush()
        }
        try flush(true)
        try padWithEdits(store)
    }

    /// Years of edits: each a school's notes changed, round the schools, written 10,000 to a
    /// commit, until the journal holds `events` events.
    func padWithEdits(_ store: Store) throws {
        guard let events else { return }
        var schools = store.world.schools.values.sorted { $0.id < $1.id }
        guard !schools.isEmpty else { return }
        var written = store.eventCount
        var round = 0
        while written < events {
            var batch: [Change] = []
            for _ in 0..<min(10_000, events - written) {
                let i = round % schools.count
                schools[i].notes = "visit \(round / schools.count + 1)"
                batch.append(.put(.school(schools[i])))
                round += 1
            }
            try store.perform(.carry(batch, summary: "Generated \(batch.count) edits"))
            written += batch.count
        }
    }
}
