import Foundation
import Testing

/// `cairn-bench visidata` times both programs through its tmux control client: with `less`
/// standing in for VisiData (it shows the register's first rows, as VisiData does), the race
/// runs to its end and gives each a finite time, in the lines the closing notes quote.
@Suite struct VisiDataRaceTests {
    @Test func the_race_times_cairn_and_the_other_program_from_spawn_to_first_screen() throws {
        let less = try #require(
            ["/usr/bin/less", "/bin/less"].first { FileManager.default.isExecutableFile(atPath: $0) }, "less is missing")
        let tmp = TemporaryStore()
        let register = tmp.root.appendingPathComponent("register.csv")
        var csv = "School ID,Name,Cluster ID,Cluster name\n"
        for i in 1...40 { csv += "\(i),Þingeyjarskóli \(i),\(i % 3 + 1),Kāhui Ako \(i % 3 + 1)\n" }
        try Data(csv.utf8).write(to: register)
        let race = try Shell.run(
            BenchStoreTests.bench,
            ["visidata", "--register", register.path, "--vd", less, "--pairs", "1", "--cluster-by", "Cluster ID,Cluster name"])
        #expect(race.status == 0, "\(race.stderr)")
        let lines = race.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "register: 400 rows (register.csv ten times, ids shifted), 1 pairs, 80x24", "\(race.stdout)")
        for program in ["cairn", "VisiData (\(less))"] {
            let line = try #require(lines.first { $0.hasPrefix("\(program), spawn to first screen: median ") }, "\(race.stdout)")
            let ms = try #require(Double(line.split(separator: " ")[line.hasPrefix("cairn") ? 6 : 7]), "\(line)")
            #expect(ms > 0 && ms < 60_000, "\(line)")
        }
        let ratio = try #require(lines.last { $0.hasPrefix("VisiData / cairn, median of pairs: ") }, "\(race.stdout)")
        #expect(Double(ratio.dropFirst("VisiData / cairn, median of pairs: ".count).dropLast()).map(\.isFinite) == true, "\(ratio)")
    }
}
