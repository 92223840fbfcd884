import Foundation

/// The process's resident set size now (not its peak, which ``PeakMemory`` reports), for watching memory over a
/// long run.
public enum ResidentMemory {
    /// Resident memory of this process now, in MiB (`VmRSS` of `/proc/self/status`), or `nil` where that file
    /// does not exist.
    public static func currentMiB() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kibibytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return nil }
        return kibibytes / 1024
    }
}
