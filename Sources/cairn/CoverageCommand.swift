import ArgumentParser
import CairnCore
import CairnStore
import CairnWords
import Foundation

struct CoverageCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "coverage",
            abstract: Words.say("Sectors by levels: which agencies take part where, and the gaps that matter.", context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: "The cluster (id or exact name).") var cluster: String?
    @Option(help: "All clusters of this region instead.") var region: String?
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        if cluster == nil, region == nil { throw ValidationError("name a cluster, or give --region for a region's clusters") }
        if cluster != nil, region != nil { throw ValidationError("name a cluster or give --region, not both") }
    }

    func run() throws {
        let store = try options.open()
        let w = store.world
        let coverage: Coverage
        let title: String
        if let cluster {
            let found = try w.findCluster(cluster)
            coverage = w.coverage(of: found.id)
            title = found.name
        } else {
            let regions = try w.findRegions(region ?? "")
            coverage = w.coverage(ofRegion: region ?? "")
            title = "region \(regions.joined(separator: ", ")) (\(Text.counted(coverage.clusters, "cluster")))"
        }
        if json {
            let doc: [String: Any] = [
                "clusters": coverage.clusters, "schools": coverage.schools,
                "sectors": Sector.allCases.map { s -> [String: Any] in
                    var row: [String: Any] = ["sector": s.rawValue, "goals": coverage.goals[s] ?? []]
                    for l in Level.allCases { row[l.rawValue] = coverage.count(s, l) }
                    row["gap"] = coverage.isGap(s, .local)
                    return row
                },
                "gaps": coverage.gapSentences,
            ]
            let data = try PrettyJSON.data(doc)
            printJSON(data)
            return
        }
        print(
            "Coverage of \(title): \(Text.counted(coverage.schools, "school")); agencies by sector and level (! = a core service absent locally)"
        )
        var table = [["SECTOR"] + Level.allCases.map { $0.rawValue.uppercased() } + ["GOALS"]]
        for s in Sector.allCases {
            let cells = Level.allCases.map { l -> String in
                let n = coverage.count(s, l)
                return n > 0 ? "\(n)" : coverage.isGap(s, l) ? "!" : "."
            }
            table.append([s.rawValue] + cells + [(coverage.goals[s] ?? []).joined(separator: "; ")])
        }
        printAligned(table)
        for g in coverage.gapSentences { print("gap: \(g)") }
    }
}
