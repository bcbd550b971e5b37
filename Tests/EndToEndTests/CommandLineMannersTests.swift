import Foundation
import Testing

/// What the command line says besides its work: its version, its help, its errors (one line each,
/// naming what is wrong) and its counts (agreeing with their nouns).
@Suite struct CommandLineMannersTests {
    static func cairnAlone(_ args: [String]) throws -> Shell.Result {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        // English whatever the runner speaks: the tests read the messages.
        for name in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "CAIRN_LANG"] { env[name] = nil }
        return try Shell.run(Shell.cairn, args, environment: env)
    }

    @Test func version_and_its_short_flag_print_one_line_naming_cairn_and_its_version() throws {
        for flag in ["--version", "-V"] {
            let r = try Self.cairnAlone([flag])
            #expect(r.status == 0, "\(flag): \(r.stderr)")
            #expect(r.stdout.wholeMatch(of: /cairn \d+\.\d+\.\d+\n/) != nil, "\(flag): \(r.stdout)")
            #expect(r.stderr.isEmpty)
        }
    }

    @Test func top_level_help_names_the_store_option_and_lists_commands_by_what_people_do() throws {
        let help = try Self.cairnAlone(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--store <dir>"))
        #expect(help.stdout.contains("$CAIRN_STORE"))
        #expect(help.stdout.contains("--version"))
        let groups = ["CLUSTERS AND MEMBERS", "MONITORING", "WORKSHOP AND REPORTS", "IMPORT AND EXPORT", "SYNC AND THE STORE"]
        let at = try groups.map { try #require(help.stdout.range(of: $0 + " SUBCOMMANDS:")?.lowerBound, "\($0) in \(help.stdout)") }
        #expect(at == at.sorted(), "the groups in that order")
        for (group, command) in [(0, "join"), (1, "tick"), (2, "workshop"), (3, "import"), (4, "sync")] {
            let start = at[group]
            let end = group + 1 < at.count ? at[group + 1] : help.stdout.endIndex
            #expect(help.stdout[start..<end].contains("\n  \(command) "), "\(command) under \(groups[group])")
        }
    }

    /// Every command's help, found from the top-level help's list (and `add`'s).
    static func everyCommandsHelp() throws -> [(command: String, help: String)] {
        func commands(in help: String) -> [String] {
            help.split(separator: "\n").compactMap { line in
                line.wholeMatch(of: /\ \ ([a-z][a-z-]*)(\ .*)?/).map { String($0.1) }
            }
        }
        var paths = try commands(in: cairnAlone(["--help"]).stdout).map { [$0] }
        paths += try commands(in: cairnAlone(["add", "--help"]).stdout).map { ["add", $0] }
        return try paths.map { path in (path.joined(separator: " "), try cairnAlone(path + ["--help"]).stdout) }
    }

    @Test func every_commands_help_gives_each_default_once() throws {
        let helps = try Self.everyCommandsHelp()
        #expect(helps.count > 30, "\(helps.map(\.command))")
        for (command, help) in helps {
            #expect(!help.isEmpty, "\(command) has a help")
            // An option's entry: its line and the deeper-indented lines that continue it.
            var entries: [String] = []
            for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("  -") || line.hasPrefix("  <") {
                    entries.append(String(line))
                } else if line.hasPrefix("      "), !entries.isEmpty {
                    entries[entries.count - 1] += " " + line.trimmingCharacters(in: .whitespaces)
                }
            }
            for entry in entries {
                #expect(entry.ranges(of: "default").count <= 1, "cairn \(command): \(entry)")
            }
        }
    }

    @Test func an_argument_error_is_one_line_that_points_to_the_commands_help() throws {
        let store = TemporaryStore()
        let cases: [([String], String)] = [
            (["tick"], "(cairn tick --help)"),
            (["add", "school"], "(cairn add school --help)"),
            (["add", "cluster", "--name", "X", "--kind", "galaxy"], "(cairn add cluster --help)"),
            (["export", "--format", "csv"], "(cairn export --help)"),
            (["list", "--overdue", "--frobnicate"], "(cairn list --help)"),
            (["report", "Cluster", "--region", "Norte"], "(cairn report --help)"),
        ]
        for (args, pointer) in cases {
            let r = try Shell.cairn(args, store: store.url)
            #expect(r.status == 64, "\(args): \(r.status)")
            #expect(r.stderr.hasPrefix("Error: "), "\(args): \(r.stderr)")
            #expect(r.stderr.hasSuffix(" \(pointer)\n"), "\(args): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
        }
    }

    @Test func export_of_a_table_there_is_not_names_the_tables_there_are() throws {
        let store = TemporaryStore()
        let r = try Shell.cairn(["export", "--format", "csv", "--what", "pupils"], store: store.url)
        #expect(r.status != 0)
        #expect(r.stderr.hasPrefix("Error: --what “pupils” is not one of the tables: schools, agencies, clusters, "), "\(r.stderr)")
        #expect(!r.stderr.contains("needs --what"))
        let none = try Shell.cairn(["export", "--format", "csv"], store: store.url)
        #expect(none.stderr.hasPrefix("Error: --format csv needs --what, the table: one of schools, "), "\(none.stderr)")
    }

    @Test func report_with_no_argument_reports_the_whole_store() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["add", "cluster", "--name", "Kāhui Ako"], store: store.url)
        let r = try Shell.cairn(["report"], store: store.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.hasPrefix("# Whole store\n"), "\(r.stdout)")
        #expect(r.stdout.contains(": 1 cluster, 0 schools, 0 agencies."), "\(r.stdout)")
    }

    @Test func coverage_with_neither_cluster_nor_region_asks_for_one() throws {
        let store = TemporaryStore()
        let r = try Shell.cairn(["coverage"], store: store.url)
        #expect(r.status != 0)
        #expect(
            r.stderr.hasPrefix("Error: name a cluster, or give --region for a region's clusters (cairn coverage --help)"), "\(r.stderr)")
    }
}
