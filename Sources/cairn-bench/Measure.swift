import Foundation

/// Timing and memory readings for the benchmark.
enum Measure {
    static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }

    /// Peak resident memory of this process, in MiB.
    static func peakMemoryMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Peak resident memory of another process (VmHWM), in MiB.
    static func peakMemoryMiB(pid: String) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return nil }
        return Double(line.split(separator: " ").dropFirst().first ?? "").map { $0 / 1024 }
    }

    static func summary(_ values: [Double]) -> String {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return "n/a" }
        let median = sorted[sorted.count / 2]
        return String(format: "median %.2f ms, max %.2f ms (n=%d)", median, sorted.last!, sorted.count)
    }
}
