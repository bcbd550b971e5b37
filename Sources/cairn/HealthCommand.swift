import ArgumentParser
import CairnCore
import CairnStore
import CairnWords
import Foundation

struct HealthCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "health",
            abstract: Words.say("A cluster's latest health check, the change since the one before, and its risks.", context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: "The cluster (id or exact name).") var cluster: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let store = try options.open()
        let w = store.world
        let c = try w.findCluster(cluster)
        let h = w.health(of: c.id, on: Day.today())
        if json {
            let items: [[String: Any]] = HealthItem.allCases.map { item in
                [
                    "item": item.rawValue, "challenge": item.isChallenge, "rating": h.latest?.rating(item) ?? NSNull(),
                    "change": h.change(item) ?? NSNull(), "note": h.latest?.note(item) ?? "",
                ]
            }
            let doc: [String: Any] = [
                "cluster": c.id, "date": h.latest?.date.description ?? NSNull(), "by": h.latest?.by ?? NSNull(),
                "score": h.score ?? NSNull(), "weakest": h.weakestPoint, "previous": h.previous?.date.description ?? NSNull(),
                "fundingEndsSoon": h.fundingEndsSoon?.description ?? NSNull(), "items": items,
            ]
            let data = try PrettyJSON.data(doc)
            printJSON(data)
            return
        }
        guard let latest = h.latest else {
            print("\(c.name): no health check yet" + (h.fundingEndsSoon.map { "; funding ends \($0)" } ?? ""))
            return
        }
        print(
            "\(c.name): health check of \(latest.date) by \(latest.by), score \(String(format: "%.1f", h.score ?? 0)) of 4 (1 fragile, 4 solid)"
        )
        print("weakest point: \(h.weakestPoint)" + (h.previous.map { "; change since \($0.date)" } ?? ""))
        var table = [["ITEM", "RATING", "CHANGE", "NOTE"]]
        for item in HealthItem.allCases {
            let change = h.change(item).map { $0 > 0 ? "+\($0)" : "\($0)" } ?? ""
            table.append([
                (item.isChallenge ? "against " : "") + item.label, h.latest?.rating(item).map(String.init) ?? "-", change,
                latest.note(item),
            ])
        }
        printAligned(table)
    }
}
