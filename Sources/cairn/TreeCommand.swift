import ArgumentParser
import CairnCore
import CairnStore
import CairnWords
import Foundation

/// `cairn tree`: the groupings of clusters as a tree, each grouping with its member clusters
/// within it, down to the schools and agencies.
struct TreeCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "tree", abstract: Words.say("Print the groupings of clusters as a tree, with their members.", context: "command"),
            discussion: Words.say(
                "Top-level groupings first (clusters that are members of no other), each with its members: clusters nested within, then schools and agencies.",
                context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Flag(
        help: ArgumentHelp(Words.say("Print JSON: a list of top-level groupings, each with id, name, kind and members.", context: "option"))
    ) var json = false

    func run() throws {
        let w = try options.open().world
        let forest = w.groupingForest()
        if json {
            printJSON(try PrettyJSON.data(forest.map { GroupingTree.object($0, in: w) } as [Any]))
            return
        }
        var lines: [String] = []
        for top in forest { GroupingTree.lines(top, in: w, depth: 0, into: &lines) }
        for line in lines { print(line) }
    }
}

/// The grouping graph as `cairn tree` prints it: each cluster under every grouping it is in.
enum GroupingTree {
    static func object(_ n: World.GroupingNode, in w: World) -> [String: Any] {
        var node: [String: Any] = ["id": n.cluster.id, "name": n.cluster.name, "kind": n.cluster.kind.rawValue]
        if n.circle {
            node["circle"] = true
            return node
        }
        let members: [Any] = n.clusters.map { object($0, in: w) } + n.members.map { ["id": $0.memberId, "name": w.memberName($0)] }
        node["members"] = members
        return node
    }

    static func lines(_ n: World.GroupingNode, in w: World, depth: Int, into lines: inout [String]) {
        let pad = String(repeating: "  ", count: depth)
        let c = n.cluster
        let level = c.level.map { ", \($0.label)" } ?? ""
        let line = "\(c.name) (\(c.kind.label)\(level))"
        lines.append(pad + (n.circle ? Words.say("{line} — also above: a circle", context: "cli", ["line": line]) : line))
        for inner in n.clusters { self.lines(inner, in: w, depth: depth + 1, into: &lines) }
        for m in n.members { lines.append("\(pad)  · \(w.memberName(m)) (\(m.memberType.label))") }
    }
}
