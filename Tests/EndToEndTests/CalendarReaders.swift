import Foundation
import Testing

/// Two readers of iCalendar that are not Cairn's: Python's `icalendar` package (Debian's
/// python3-icalendar) and the calendar client khal, both installed by `.ci/run`. In CI a
/// missing one fails the test instead of skipping it.
enum CalendarReaders {
    static let python = "/usr/bin/python3"
    static let khal = "/usr/bin/khal"
    static let installed =
        FileManager.default.isExecutableFile(atPath: khal)
        && (try? Shell.run(python, ["-c", "import icalendar"]).status) == 0
    static let required = installed || ProcessInfo.processInfo.environment["CI"] == "true"

    /// Each component of `kind` (VEVENT or VTODO) as icalendar parses it: its properties decoded
    /// (dates as YYYY-MM-DD, text unescaped and unfolded).
    static func components(_ file: URL, kind: String = "VEVENT") throws -> [[String: String]] {
        let script = """
            import icalendar, json, sys
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            out = []
            for c in cal.walk(sys.argv[2]):
                d = {}
                for k in c.keys():
                    # icalendar 4 cannot decode CATEGORIES; its wire text is what it holds.
                    v = c[k].to_ical() if k == 'CATEGORIES' else c.decoded(k)
                    if hasattr(v, 'isoformat'): v = v.isoformat()
                    elif isinstance(v, bytes): v = v.decode('utf-8')
                    d[k] = str(v)
                out.append(d)
            print(json.dumps({'name': str(cal.get('X-WR-CALNAME', '')), 'items': out}))
            """
        let result = try Shell.run(python, ["-c", script, file.path, kind])
        guard result.status == 0, let doc = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
            let items = doc["items"] as? [[String: String]]
        else { throw E2EError("icalendar could not read \(file.path): \(result.stderr)") }
        return items
    }

    /// What khal prints of the file's events: `START | TITLE` a line, with a config of its own.
    static func khalEvents(_ file: URL) throws -> (count: String, lines: [String]) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("khal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("calendar"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let config = home.appendingPathComponent("config")
        try Data(
            """
            [calendars]
            [[cairn]]
            path = \(home.appendingPathComponent("calendar").path)
            [locale]
            timeformat = %H:%M
            dateformat = %Y-%m-%d
            longdateformat = %Y-%m-%d
            datetimeformat = %Y-%m-%d %H:%M
            longdatetimeformat = %Y-%m-%d %H:%M

            """.utf8
        ).write(to: config)
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        // English whatever the runner speaks: the tests read the messages.
        for name in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "CAIRN_LANG"] { env[name] = nil }
        env["HOME"] = home.path
        let result = try Shell.run(
            khal, ["-c", config.path, "printics", "--format", "{start} | {title}", file.path], environment: env)
        guard result.status == 0 else { throw E2EError("khal could not read \(file.path): \(result.stderr)") }
        let lines = result.stdout.split(separator: "\n").map(String.init)
        return (lines.first ?? "", Array(lines.dropFirst()))
    }
}
