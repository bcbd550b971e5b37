import CairnWords

/// The regions clusters sit in, and how a person names one: case- and accent-blind, and by the
/// start of its name, so that "highland" finds "Highland (Northern Alliance)".
extension World {
    /// Every region a cluster names, in name order.
    public func regions() -> [String] {
        NameOrder.sorted(Set(clusters.values.map(\.region).filter { !$0.isEmpty }), by: { $0 })
    }

    /// The regions `query` names: the one it is (folded), else every one it starts. A query
    /// that names none is an error that lists the regions there are.
    public func findRegions(_ query: String) throws(InputError) -> [String] {
        let key = Text.folded(Text.clean(query))
        let all = regions()
        if key.isEmpty { throw InputError(Words.say("name a region: {regions}", ["regions": Self.listed(all)])) }
        let exact = all.filter { Text.folded($0) == key }
        if !exact.isEmpty { return exact }
        let starting = all.filter { Text.folded($0).starts(with: key) }
        if starting.isEmpty {
            throw InputError(Words.say("no cluster's region matches “{query}”: {regions}", ["query": query, "regions": Self.listed(all)]))
        }
        return starting
    }

    static func listed(_ regions: [String]) -> String {
        regions.isEmpty
            ? Words.say("no cluster has a region yet")
            : Words.say("the regions are {regions}", ["regions": regions.joined(separator: ", ")])
    }
}

extension World {
    /// The clusters of the region `clusterID` is in (compared case- and accent-blind), by name.
    public func clusters(inRegionOf clusterID: String) -> [String] {
        guard let region = clusters[clusterID]?.region, !region.isEmpty else { return [clusterID] }
        let key = Text.folded(region)
        return NameOrder.sorted(clusters.values.filter { Text.folded($0.region) == key }, by: \.name, id: \.id).map(\.id)
    }
}
