import Foundation
import Testing

/// Names holding what a terminal would act on: no command writes them raw.
@Suite struct HostileOutputTests {
    static let osc = "Evil\u{1B}]0;pwned\u{07}\u{1B}]52;c;Y2xpcA==\u{07}\u{202E}Name\u{9B}2J"

    func isRaw(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in
            (s.value < 0x20 && s.value != 0x0A) || (0x7F..<0xA0).contains(s.value) || (0x202A...0x202E).contains(s.value)
        }
    }

    @Test func list_gaps_health_coverage_reports_conflicts_and_errors_show_controls_visibly() throws {
        let store = TemporaryStore()
        let cluster = try Shell.cairn(["add", "cluster", "--name", Self.osc], store: store.url)
        #expect(cluster.status == 0, "\(cluster.stderr)")
        let clusterID = cluster.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try Shell.cairn(["add", "school", "--name", Self.osc, "--cluster", clusterID], store: store.url).status == 0)
        let outputs = [
            ["list", "schools"], ["list", "clusters"], ["list", "schools", "--json"], ["gaps"], ["gaps", "--json"], ["health"],
            ["coverage", clusterID], ["report", clusterID], ["report", clusterID, "--format", "html"], ["conflicts"],
            ["tick", Self.osc], ["edit", Self.osc, "colour=red"],
        ]
        for args in outputs {
            let result = try Shell.cairn(args, store: store.url)
            #expect(!isRaw(result.stdout), "cairn \(args.joined(separator: " ")) wrote a control raw to stdout")
            #expect(!isRaw(result.stderr), "cairn \(args.joined(separator: " ")) wrote a control raw to stderr")
        }
        let list = try Shell.cairn(["list", "schools"], store: store.url).stdout
        #expect(list.contains(#"Evil\e]0;pwned\u{7}\e]52;c;Y2xpcA==\u{7}\u{202E}Name\u{9B}2J"#), "\(list)")
        let json = try Shell.cairn(["list", "schools", "--json"], store: store.url).stdout
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(rows.first?["name"] as? String == Self.osc, "JSON keeps the value, escaped the JSON way")
    }
}
