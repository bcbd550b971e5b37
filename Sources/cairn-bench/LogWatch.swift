import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Waits for a log file to say something, looking at its size every quarter of a millisecond
/// and reading it only when that changed: a frame is noticed within that time, at the cost of
/// a `stat` each time, not of a read and a parse of the log.
struct LogWatch {
    let log: URL

    /// Until `found` says yes of the log's lines, for at most `seconds`; false if it never did.
    func wait(seconds: TimeInterval = 60, until found: ([String]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var seen = (size: -1, changed: timespec())
        while Date() < deadline {
            var info = stat()
            if stat(log.path, &info) == 0 {
                let now = (size: Int(info.st_size), changed: info.st_mtim)
                if now.size != seen.size || now.changed.tv_nsec != seen.changed.tv_nsec || now.changed.tv_sec != seen.changed.tv_sec {
                    seen = now
                    if found(lines()) { return true }
                }
            }
            usleep(250)
        }
        return found(lines())
    }

    func lines() -> [String] {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }
}
