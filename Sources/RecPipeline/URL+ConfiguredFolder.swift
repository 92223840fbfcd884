import Foundation

extension URL {
    /// A folder chosen by a flag, else an environment variable, else a default path — the rule every
    /// `--data` / `--models` style option follows.
    /// - Parameters:
    ///   - flag: the flag's value, if given (empty counts as not given).
    ///   - variable: the environment variable to consult next, e.g. `MARQUEE_DATA`.
    ///   - environment: the process environment (injected for tests).
    ///   - fallback: the path used when neither is set.
    static func configuredFolder(flag: String?, variable: String, environment: [String: String], fallback: String) -> URL {
        if let flag, !flag.isEmpty { return URL(fileURLWithPath: flag) }
        if let value = environment[variable], !value.isEmpty { return URL(fileURLWithPath: value) }
        return URL(fileURLWithPath: fallback)
    }
}
