import ArgumentParser
import CairnCore
import CairnStore
import Foundation

/// `cairn tree`: the groupings of clusters as a tree, each grouping with its member clusters
/// within it, down to the schools and agencies.
struct TreeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tree", abstract: "Print the groupings of clusters as a tree, with their members.",
        discussion:
            "Top-level groupings first (clusters that are members of no other), each with its members: clusters nested within, then schools and agencies."
    )
    @OptionGroup var options: StoreOptions
    @Flag(help: "Print JSON: a list of top-level groupings, each with id, name, kind and members.") var json = false

    func run() throws {
        let w = try options.open().world
        let tops = w.topGroupings()
        if json {
            printJSON(try PrettyJSON.data(tops.map { GroupingTree.object($0, in: w) } as [Any]))
            return
        }
        var lines: [String] = []
        for top in tops { GroupingTree.lines(top, in: w, depth: 0, into: &lines) }
        for line in lines { print(line) }
    }
}

/// The grouping graph walked from a grouping down; each cluster appears under every grouping
/// it is in (the graph has no cycles: the rule book refuses them).
enum GroupingTree {
    static func object(_ c: Cluster, in w: World) -> [String: Any] {
        var members: [Any] = []
        for m in w.members(of: c.id) {
            switch m.memberType {
            case .cluster:
                if let inner = w.clusters[m.memberId] { members.append(object(inner, in: w)) }
            case .school, .agency:
                members.append(["id": m.memberId, "name": w.memberName(m)])
            }
        }
        return ["id": c.id, "name": c.name, "kind": c.kind.rawValue, "members": members]
    }

    static func lines(_ c: Cluster, in w: World, depth: Int, into lines: inout [String]) {
        let pad = String(repeating: "  ", count: depth)
        let level = c.level.map { ", \($0.label)" } ?? ""
        lines.append("\(pad)\(c.name) (\(c.kind.label)\(level))")
        let members = w.members(of: c.id)
        for m in members where m.memberType == .cluster {
            if let inner = w.clusters[m.memberId] { self.lines(inner, in: w, depth: depth + 1, into: &lines) }
        }
        for m in members where m.memberType != .cluster {
            lines.append("\(pad)  · \(w.memberName(m)) (\(m.memberType.rawValue))")
        }
    }
}
