#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's peak resident set size, for reports next to a peer's figure.
public enum PeakMemory {
    /// Peak resident memory of this process so far in MiB (`getrusage` `ru_maxrss`), or `nil` if unavailable.
    public static func residentMiB() -> Double? {
        var usage = rusage()
        #if canImport(Glibc)
        let who = RUSAGE_SELF.rawValue
        #else
        let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return nil }
        #if canImport(Darwin)
        return Double(usage.ru_maxrss) / 1_048_576  // bytes on Darwin
        #else
        return Double(usage.ru_maxrss) / 1024  // KiB on Linux
        #endif
    }
}
