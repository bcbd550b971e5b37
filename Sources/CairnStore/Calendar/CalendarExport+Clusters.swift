import CairnCore

extension CalendarExport {
    /// Every cluster's calendar items at once, each cluster's in the order `items` gives them:
    /// what `c` on each cluster would write, from one pass over the store instead of one a
    /// cluster (a published site of 3,000 clusters).
    public static func itemsByCluster(_ w: World, today: Day) -> [String: [Item]] {
        var byCluster: [String: [Item]] = [:]
        for item in items(w, clusters: nil, what: Set(What.allCases), today: today) {
            guard let cluster = w.checkpoints[item.uid]?.cluster ?? w.goals[item.uid]?.cluster ?? w.actions[item.uid]?.cluster else {
                continue
            }
            byCluster[cluster, default: []].append(item)
        }
        return byCluster
    }
}
