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
    @Argument(help: ArgumentHelp(Words.say("The cluster (id or exact name).", context: "option"))) var cluster: String?
    @Option(help: ArgumentHelp(Words.say("All clusters of this region instead.", context: "option"))) var region: String?
    @Flag(help: ArgumentHelp(Words.say("Print JSON.", context: "option"))) var json = false

    func validate() throws {
        if cluster == nil, region == nil {
            throw ValidationError(Words.say("name a cluster, or give --region for a region's clusters", context: "cli"))
        }
        if cluster != nil, region != nil { throw ValidationError(Words.say("name a cluster or give --region, not both", context: "cli")) }
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
            title = Words.count(
                "region {regions} ({count} cluster)", "region {regions} ({count} clusters)", coverage.clusters, context: "cli",
                ["regions": regions.joined(separator: ", ")])
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
            Words.count(
                "Coverage of {title}: {count} school; agencies by sector and level (! = a core service absent locally)",
                "Coverage of {title}: {count} schools; agencies by sector and level (! = a core service absent locally)", coverage.schools,
                context: "cli", ["title": title]))
        // The levels' words as the screens say them (in English, their keys).
        var table = [
            [Words.say("SECTOR", context: "list column")] + Level.allCases.map { $0.label.uppercased() }
                + [Words.say("GOALS", context: "list column")]
        ]
        for s in Sector.allCases {
            let cells = Level.allCases.map { l -> String in
                let n = coverage.count(s, l)
                return n > 0 ? "\(n)" : coverage.isGap(s, l) ? "!" : "."
            }
            table.append([s.rawValue] + cells + [(coverage.goals[s] ?? []).joined(separator: "; ")])
        }
        printAligned(table)
        for g in coverage.gapSentences { print(Words.say("gap: {gap}", context: "cli", ["gap": g])) }
    }
}
