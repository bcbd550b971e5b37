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
    @Argument(help: ArgumentHelp(Words.say("The cluster (id or exact name).", context: "option"))) var cluster: String
    @Flag(help: ArgumentHelp(Words.say("Print JSON.", context: "option"))) var json = false

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
            print(
                h.fundingEndsSoon.map {
                    Words.say("{name}: no health check yet; funding ends {day}", context: "cli", ["name": c.name, "day": "\($0)"])
                }
                    ?? Words.say("{name}: no health check yet", context: "cli", ["name": c.name]))
            return
        }
        print(
            Words.say(
                "{name}: health check of {date} by {by}, score {score} of 4 (1 fragile, 4 solid)", context: "cli",
                ["name": c.name, "date": "\(latest.date)", "by": latest.by, "score": String(format: "%.1f", h.score ?? 0)]))
        print(
            h.previous.map {
                Words.say(
                    "weakest point: {weakest}; change since {date}", context: "cli", ["weakest": h.weakestPoint, "date": "\($0.date)"])
            } ?? Words.say("weakest point: {weakest}", context: "cli", ["weakest": h.weakestPoint]))
        var table = [
            [
                Words.say("ITEM", context: "list column"), Words.say("RATING", context: "list column"),
                Words.say("CHANGE", context: "list column"), Words.say("NOTE", context: "list column"),
            ]
        ]
        for item in HealthItem.allCases {
            let change = h.change(item).map { $0 > 0 ? "+\($0)" : "\($0)" } ?? ""
            table.append([
                item.isChallenge ? Words.say("against {item}", context: "health item", ["item": item.label]) : item.label,
                h.latest?.rating(item).map(String.init) ?? "-", change,
                latest.note(item),
            ])
        }
        printAligned(table)
    }
}
