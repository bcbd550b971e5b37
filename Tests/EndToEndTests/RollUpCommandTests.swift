import Foundation
import Testing

/// `cairn report --grouping`, the whole store's report and `--as-of`, run as the built binary.
@Suite struct RollUpCommandTests {
    /// `cairn ARGS --store STORE` as `Shell.cairn` runs it, on a clock that starts at `clock`
    /// (`2024-03-10 12:00:00`, local time): what it records is stamped then.
    static func cairn(at clock: String, _ args: [String], store: URL) throws -> Shell.Result {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        // English whatever the runner speaks: the tests read the messages.
        for name in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "CAIRN_LANG"] { env[name] = nil }
        env["CAIRN_STORE"] = nil
        env["XDG_STATE_HOME"] = store.deletingLastPathComponent().appendingPathComponent("state").path
        return try Shell.run("/usr/bin/faketime", ["-f", "@" + clock, Shell.cairn] + args + ["--store", store.path], environment: env)
    }

    @Test func a_groupings_report_counts_a_school_in_two_of_its_clusters_once() throws {
        let store = TemporaryStore()
        func cairn(_ args: String...) throws -> Shell.Result {
            let r = try Shell.cairn(args, store: store.url)
            #expect(r.status == 0, "cairn \(args.joined(separator: " ")): \(r.stderr)")
            return r
        }
        _ = try cairn("add", "cluster", "--name", "Northern Alliance", "--kind", "regional-collaborative")
        _ = try cairn("add", "cluster", "--name", "Portree Learning Community", "--region", "Highland")
        _ = try cairn("add", "cluster", "--name", "Kāhui Ako o Ōtautahi", "--kind", "network")
        _ = try cairn("add", "school", "--name", "Þingeyjarskóli", "--cluster", "Portree Learning Community")
        _ = try cairn("add", "school", "--name", "Portree High School", "--cluster", "Portree Learning Community")
        _ = try cairn("join", "Kāhui Ako o Ōtautahi", "Þingeyjarskóli")
        _ = try cairn("join", "Northern Alliance", "Portree Learning Community")
        _ = try cairn("join", "Northern Alliance", "Kāhui Ako o Ōtautahi")

        let report = try cairn("report", "--grouping", "Northern Alliance")
        #expect(report.stdout.hasPrefix("# Northern Alliance\n"))
        #expect(report.stdout.contains(": 3 clusters, 2 schools, 0 agencies."), "\(report.stdout)")
        #expect(report.stdout.contains("| no-data | 0 | 0 | = |"), "every status, zeros included")
        let html = try cairn("report", "--grouping", "Northern Alliance", "--format", "html", "--period", "year")
        #expect(html.stdout.contains("<section id=\"goals\"><h2>Goals by status</h2>"))

        let whole = try cairn("report")
        #expect(whole.stdout.hasPrefix("# Whole store\n") && whole.stdout.contains(": 3 clusters, 2 schools, 0 agencies."))
        let region = try cairn("report", "--region", "highland")
        #expect(region.stdout.contains("Monitoring roll-up of") && region.stdout.contains(": 1 cluster, 2 schools, 0 agencies."))

        let both = try Shell.cairn(["report", "--grouping", "Northern Alliance", "--region", "highland"], store: store.url)
        #expect(both.status != 0 && both.stderr.contains("one of them"), "\(both.stderr)")
        let period = try Shell.cairn(["report", "Portree Learning Community", "--period", "year"], store: store.url)
        #expect(period.status != 0 && period.stderr.contains("--period is for a roll-up"), "\(period.stderr)")
        let unknown = try Shell.cairn(["report", "--grouping", "Atlantis"], store: store.url)
        #expect(unknown.status != 0 && unknown.stderr.contains("no cluster has the id or name “Atlantis”"), "\(unknown.stderr)")
    }

    @Test func as_of_a_day_before_anything_was_recorded_gives_an_empty_roll_up() throws {
        let store = TemporaryStore()
        #expect(try Shell.cairn(["add", "cluster", "--name", "Sieć Bałuty", "--region", "Łódź"], store: store.url).status == 0)
        for args in [["--grouping", "Sieć Bałuty"], [], ["--region", "lodz"]] {
            let r = try Shell.cairn(["report"] + args + ["--as-of", "2001-01-01"], store: store.url)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("**As of 2001-01-01.** What had been recorded by the end of that day."))
            #expect(r.stdout.contains(": 0 clusters, 0 schools, 0 agencies."), "\(r.stdout)")
            #expect(r.stdout.contains("| on-track | 0 | 0 | = |") && r.stdout.contains("| all gaps | 0 | 0 | = |"))
        }
        // A cluster's own report is no roll-up: a cluster not yet recorded then is said so.
        let cluster = try Shell.cairn(["report", "Sieć Bałuty", "--as-of", "2001-01-01"], store: store.url)
        #expect(cluster.status != 0 && cluster.stderr.contains("“Sieć Bałuty” had not been recorded by the end of 2001-01-01"))
        #expect(try Shell.cairn(["report", "Sieć Bałuty", "--as-of", "today"], store: store.url).stdout.contains("**As of "))
        let ahead = try Shell.cairn(["report", "--as-of", "+3d"], store: store.url)
        #expect(ahead.status != 0 && ahead.stderr.contains("is after today"), "\(ahead.stderr)")
        let garbled = try Shell.cairn(["report", "--as-of", "soon"], store: store.url)
        #expect(garbled.status != 0 && garbled.stderr.contains("--as-of: “soon” is not a date"), "\(garbled.stderr)")
    }

    @Test func as_of_a_past_day_leaves_out_a_member_that_joined_later_and_one_that_had_left() throws {
        let store = TemporaryStore()
        func cairn(_ clock: String, _ args: String...) throws {
            let r = try Self.cairn(at: clock, args, store: store.url)
            #expect(r.status == 0, "cairn \(args.joined(separator: " ")): \(r.stderr)")
        }
        try cairn("2024-03-10 12:00:00", "add", "cluster", "--name", "Agrupamento de Óbidos")
        try cairn("2024-03-10 12:01:00", "add", "school", "--name", "Escola Básica Josefa de Óbidos", "--cluster", "Agrupamento de Óbidos")
        try cairn("2024-06-10 12:00:00", "add", "school", "--name", "Jardim de Infância do Sobral", "--cluster", "Agrupamento de Óbidos")
        try cairn("2024-09-10 12:00:00", "leave", "Agrupamento de Óbidos", "Escola Básica Josefa de Óbidos", "--on", "2024-09-01")
        func schools(asOf day: String) throws -> String {
            let r = try Shell.cairn(["report", "--grouping", "Agrupamento de Óbidos", "--as-of", day], store: store.url)
            #expect(r.status == 0, "\(r.stderr)")
            return r.stdout
        }
        #expect(try schools(asOf: "2024-04-30").contains(": 1 cluster, 1 school, 0 agencies."), "the later member is not yet in")
        #expect(try schools(asOf: "2024-08-31").contains(": 1 cluster, 2 schools, 0 agencies."))
        #expect(try schools(asOf: "2024-09-30").contains(": 1 cluster, 1 school, 0 agencies."), "the one that left is out")
        #expect(try schools(asOf: "2024-09-30").contains("| schools | 1 | 2 | -1 |"), "beside the end of June, when both were in")
        #expect(try schools(asOf: "2024-03-09").contains(": 0 clusters, 0 schools, 0 agencies."))
    }
}
