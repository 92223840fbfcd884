import Foundation

/// The Lua script wrk runs: top-10 recommendations for random known users, a share of them replaced by
/// `watched` feedback for random items, optionally paced by a delay per request; prints one summary line
/// (`MARQUEE requests socket-errors status-errors p50-µs p99-µs duration-µs`).
struct WrkScript {
    let key: String
    let users: [String]
    let items: [String]
    let feedbackShare: Double
    let delayMilliseconds: Int

    /// Writes the script to a file in `directory`.
    func write(in directory: URL) throws -> URL {
        func list(_ values: [String]) -> String {
            "{" + values.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
                .joined(separator: ",") + "}"
        }
        let script = """
            local users = \(list(users))
            local items = \(list(items))
            math.randomseed(1)
            wrk.headers["Authorization"] = "Bearer \(key)"
            wrk.headers["Content-Type"] = "application/json"
            request = function()
              local user = users[math.random(#users)]
              if math.random() < \(feedbackShare) then
                local item = items[math.random(#items)]
                return wrk.format("POST", "/v1/feedback", nil, '{"user":"' .. user .. '","item":"' .. item .. '","kind":"watched"}')
              end
              return wrk.format("GET", "/v1/users/" .. user .. "/recommendations?n=10")
            end
            \(delayMilliseconds > 0 ? "delay = function() return \(delayMilliseconds) end" : "")
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("MARQUEE %d %d %d %d %d %d\\n", summary.requests, e.connect + e.read + e.write + e.timeout,
                e.status, latency:percentile(50), latency:percentile(99), summary.duration))
            end
            """
        let url = directory.appendingPathComponent("load-\(UUID().uuidString).lua")
        try script.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
