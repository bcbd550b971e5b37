import ArgumentParser
import CairnCore
import CairnStore
import CairnWords
import Foundation

struct GapsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "gaps",
            abstract: Words.say("What the framework says a cluster must have and it lacks (all clusters, or one).", context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Words.say("The cluster (id or exact name); all clusters when left out.", context: "option"))) var cluster:
        String?
    @Flag(help: ArgumentHelp(Words.say("Print JSON: an array of {cluster, kind, record, recordId, message}.", context: "option")))
    var json = false

    func run() throws {
        let store = try options.open()
        let w = store.world
        let today = Day.today()
        let clusters: [Cluster]
        if let cluster {
            clusters = [try w.findCluster(cluster)]
        } else {
            clusters = NameOrder.sorted(w.clusters.values, by: \.name)
        }
        // Every cluster's at once: the records grouped by cluster in one pass, not each cluster's scan.
        let byCluster = cluster == nil ? w.gapsByCluster(on: today) : [:]
        let gaps = clusters.flatMap { byCluster[$0.id] ?? w.gaps(in: $0.id, on: today) }
        if json {
            let rows: [[String: Any]] = gaps.map { g in
                [
                    "cluster": g.cluster, "kind": g.kind.rawValue, "record": g.record?.rawValue ?? NSNull(),
                    "recordId": g.recordID ?? NSNull(), "message": g.message,
                ]
            }
            let data = try PrettyJSON.data(rows)
            printJSON(data)
            return
        }
        if gaps.isEmpty {
            print(
                clusters.count == 1
                    ? Words.say("no gaps in {name}", context: "cli", ["name": clusters[0].name])
                    : Words.count("no gaps in {count} cluster", "no gaps in {count} clusters", clusters.count, context: "cli"))
            return
        }
        let grouped = Dictionary(grouping: gaps, by: \.cluster)
        for c in clusters {
            let own = grouped[c.id] ?? []
            guard !own.isEmpty else { continue }
            print(Words.count("{name}: {count} gap", "{name}: {count} gaps", own.count, context: "cli", ["name": c.name]))
            for g in own { print("  \(g.kind.rawValue): \(g.message)") }
        }
    }
}
