import Foundation
import Logging
import RecAlgorithms
import RecGeneration
import RecPipeline
import RecStoreSQLite

/// Everything `marquee serve` and ``buildApplication(_:store:)`` need, from flags and the environment.
///
/// Every property has a default, so `ServerConfiguration()` serves `./marquee.sqlite` on 127.0.0.1:8080.
/// ``init(environment:)`` reads `MARQUEE_*` variables; flags given to `marquee serve` override them.
public struct ServerConfiguration: Sendable, Codable, Equatable {
    /// Address to bind, e.g. `127.0.0.1` (loopback only) or `0.0.0.0` (every interface).
    public var host: String
    /// TCP port; 0 lets the system choose.
    public var port: Int
    /// The store: a SQLite file or a `postgres://` URL (`MARQUEE_DATABASE_URL`, else `MARQUEE_DATABASE`);
    /// see `StoreLocation`.
    public var database: String
    /// When a SQLite store syncs to disk (`MARQUEE_SQLITE_SYNCHRONOUS`: `normal`, the default, or `full`); see
    /// `SQLiteStore.Synchronous`. Ignored for PostgreSQL.
    public var sqliteSynchronous: SQLiteStore.Synchronous
    /// Folder of the MiniLM model files (`MARQUEE_MODELS`), for text features; `nil` turns them off.
    public var modelDirectory: String?
    /// Lowest severity written to the log (`MARQUEE_LOG_LEVEL`).
    public var logLevel: LogLevel
    /// An admin key to install at start when the store has no valid admin key (`MARQUEE_ADMIN_KEY`), so a
    /// fresh deployment can be administered before `marquee keys create` has run. At least 32 characters.
    public var bootstrapAdminKey: String?
    /// The top-N algorithm trained and served.
    public var algorithm: TopNAlgorithm
    /// Retrain in the background after this many new feedback events; 0 never retrains on volume.
    public var retrainAfterEvents: Int
    /// Retrain in the background at this interval, in seconds, when there were new events; 0 turns the schedule off.
    public var retrainIntervalSeconds: Double
    /// Seconds between checks of the store for a top-N model trained by another replica (then swapped in);
    /// 0 never checks. Replicas over one PostgreSQL database set it, e.g. to 1.
    public var modelFollowSeconds: Double
    /// Seconds an idle connection stays open.
    public var idleTimeoutSeconds: Double
    /// Seconds a checked API key's role is remembered; a key revoked by `marquee keys revoke` is refused
    /// within this time. 0 reads the store on every request.
    public var keyCacheSeconds: Double
    /// Seconds a user's profile (liked items, interest vector) built from the store is reused; this server's own
    /// feedback updates it at once, events written by other processes count within this time. 0 reads the
    /// store on every request. The default, 0.5 s, keeps replicas over one database within a second of each
    /// other's feedback (issue 10) while a user's burst of requests still reads the store once.
    public var profileCacheSeconds: Double
    /// Share of the user's interest vector when re-ranking the model's candidates, 0…1
    /// (`MARQUEE_INTEREST_WEIGHT`); used only when the catalogue has embeddings (`marquee embed`). 0 turns it off.
    public var interestWeight: Double
    /// Days after which an event's pull on the interest vector has halved (`MARQUEE_INTEREST_HALF_LIFE_DAYS`).
    public var interestHalfLifeDays: Double
    /// Seconds a request may take before it is stopped with a 503 problem (`MARQUEE_REQUEST_TIMEOUT`).
    public var requestTimeoutSeconds: Double
    /// Requests a second each API key may make on average, and at once (`MARQUEE_RATE_LIMIT`); more get a 429 with
    /// `Retry-After`. 0 turns the limit off.
    public var rateLimitPerSecond: Double
    /// The OpenAI-compatible language model that writes pitches (`MARQUEE_LLM_BASE_URL`, `MARQUEE_LLM_MODEL`,
    /// `MARQUEE_LLM_API_KEY`, `MARQUEE_LLM_TIMEOUT` in seconds, `MARQUEE_LLM_INCLUDE_REVIEWS` to let the user's
    /// own reviews into prompts); `nil` writes every pitch offline.
    public var llm: OpenAIChatConfiguration?

    /// Creates a configuration; every parameter has the documented default.
    public init(host: String = "127.0.0.1", port: Int = 8080, database: String = "marquee.sqlite",
                sqliteSynchronous: SQLiteStore.Synchronous = .normal, modelDirectory: String? = nil, logLevel: LogLevel = .info, bootstrapAdminKey: String? = nil,
                algorithm: TopNAlgorithm = .als, retrainAfterEvents: Int = 1000, retrainIntervalSeconds: Double = 0,
                modelFollowSeconds: Double = 0, idleTimeoutSeconds: Double = 30, keyCacheSeconds: Double = 1,
                profileCacheSeconds: Double = 0.5,
                interestWeight: Double = 0.3, interestHalfLifeDays: Double = 30, requestTimeoutSeconds: Double = 10,
                rateLimitPerSecond: Double = 1000, llm: OpenAIChatConfiguration? = nil) {
        self.host = host
        self.port = port
        self.database = database
        self.sqliteSynchronous = sqliteSynchronous
        self.modelDirectory = modelDirectory
        self.logLevel = logLevel
        self.bootstrapAdminKey = bootstrapAdminKey
        self.algorithm = algorithm
        self.retrainAfterEvents = retrainAfterEvents
        self.retrainIntervalSeconds = retrainIntervalSeconds
        self.modelFollowSeconds = modelFollowSeconds
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.keyCacheSeconds = keyCacheSeconds
        self.profileCacheSeconds = profileCacheSeconds
        self.interestWeight = interestWeight
        self.interestHalfLifeDays = interestHalfLifeDays
        self.requestTimeoutSeconds = requestTimeoutSeconds
        self.rateLimitPerSecond = rateLimitPerSecond
        self.llm = llm
    }

    /// The defaults, overridden by `MARQUEE_HOST`, `MARQUEE_PORT`, `MARQUEE_DATABASE_URL` (or `MARQUEE_DATABASE`),
    /// `MARQUEE_SQLITE_SYNCHRONOUS`, `MARQUEE_MODELS`, `MARQUEE_LOG_LEVEL`, `MARQUEE_ADMIN_KEY`, `MARQUEE_INTEREST_WEIGHT`,
    /// `MARQUEE_INTEREST_HALF_LIFE_DAYS`, `MARQUEE_REQUEST_TIMEOUT` and `MARQUEE_RATE_LIMIT` where set.
    /// - Throws: ``ServerError`` naming the variable, its value and what was expected.
    public init(environment: [String: String]) throws {
        self.init()
        if let host = environment["MARQUEE_HOST"] { self.host = host }
        if let port = environment["MARQUEE_PORT"] {
            guard let value = Int(port), (0...65_535).contains(value) else {
                throw ServerError(.invalidConfiguration, "MARQUEE_PORT is '\(port)'; expected a port number from 0 to 65535")
            }
            self.port = value
        }
        if let database = environment["MARQUEE_DATABASE_URL"].flatMap({ $0.isEmpty ? nil : $0 }) ?? environment["MARQUEE_DATABASE"] {
            self.database = database
        }
        if let text = environment["MARQUEE_SQLITE_SYNCHRONOUS"] {
            guard let value = SQLiteStore.Synchronous(setting: text) else {
                throw ServerError(.invalidConfiguration, "MARQUEE_SQLITE_SYNCHRONOUS is '\(text)'; expected normal or full")
            }
            sqliteSynchronous = value
        }
        if let models = environment["MARQUEE_MODELS"] { modelDirectory = models }
        if let level = environment["MARQUEE_LOG_LEVEL"] {
            guard let value = LogLevel(rawValue: level) else {
                throw ServerError(.invalidConfiguration, """
                    MARQUEE_LOG_LEVEL is '\(level)'; expected one of \(LogLevel.allCases.map(\.rawValue).joined(separator: ", "))
                    """)
            }
            logLevel = value
        }
        if let key = environment["MARQUEE_ADMIN_KEY"] { bootstrapAdminKey = key }
        func number(_ name: String) throws -> Double? {
            guard let text = environment[name] else { return nil }
            guard let value = Double(text), value.isFinite else {
                throw ServerError(.invalidConfiguration, "\(name) is '\(text)'; expected a number")
            }
            return value
        }
        if let weight = try number("MARQUEE_INTEREST_WEIGHT") { interestWeight = weight }
        if let days = try number("MARQUEE_INTEREST_HALF_LIFE_DAYS") { interestHalfLifeDays = days }
        if let seconds = try number("MARQUEE_REQUEST_TIMEOUT") { requestTimeoutSeconds = seconds }
        if let limit = try number("MARQUEE_RATE_LIMIT") { rateLimitPerSecond = limit }
        llm = try Self.languageModel(in: environment)
    }

    /// The language model named by `MARQUEE_LLM_*`, or `nil` when `MARQUEE_LLM_BASE_URL` is unset.
    /// - Throws: ``ServerError`` for a base URL without a model, a bad URL or a bad timeout.
    public static func languageModel(in environment: [String: String]) throws -> OpenAIChatConfiguration? {
        guard let base = environment["MARQUEE_LLM_BASE_URL"], !base.isEmpty else { return nil }
        guard let url = URL(string: base), ["http", "https"].contains(url.scheme?.lowercased() ?? "") else {
            throw ServerError(.invalidConfiguration, "MARQUEE_LLM_BASE_URL is '\(base)'; expected an http or https URL such as http://127.0.0.1:8000/v1")
        }
        guard let model = environment["MARQUEE_LLM_MODEL"], !model.isEmpty else {
            throw ServerError(.invalidConfiguration, "MARQUEE_LLM_BASE_URL is set but MARQUEE_LLM_MODEL is not; expected the model name to request")
        }
        var configuration = OpenAIChatConfiguration(baseURL: url, model: model, apiKey: environment["MARQUEE_LLM_API_KEY"])
        if let text = environment["MARQUEE_LLM_TIMEOUT"] {
            guard let timeout = Double(text), timeout > 0, timeout.isFinite else {
                throw ServerError(.invalidConfiguration, "MARQUEE_LLM_TIMEOUT is '\(text)'; expected seconds > 0")
            }
            configuration.timeout = timeout
        }
        if let text = environment["MARQUEE_LLM_INCLUDE_REVIEWS"] {
            switch text.lowercased() {
            case "1", "true", "yes", "on": configuration.includesReviews = true
            case "0", "false", "no", "off", "": configuration.includesReviews = false
            default:
                throw ServerError(.invalidConfiguration, "MARQUEE_LLM_INCLUDE_REVIEWS is '\(text)'; expected true or false")
            }
        }
        return configuration
    }

    /// The interest vector's half-life as the algorithms take it.
    var interest: InterestConfiguration { InterestConfiguration(halfLife: interestHalfLifeDays * 86_400) }

    /// Checks values that types cannot: port range, key length, non-negative intervals.
    /// - Throws: ``ServerError`` naming the setting, its value and what was expected.
    public func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ServerError(.invalidConfiguration, "port is \(port); expected 0 to 65535")
        }
        if let key = bootstrapAdminKey, key.count < 32 {
            throw ServerError(.invalidConfiguration, "the bootstrap admin key has \(key.count) characters; expected at least 32")
        }
        guard retrainAfterEvents >= 0, retrainIntervalSeconds >= 0, idleTimeoutSeconds > 0, keyCacheSeconds >= 0 else {
            throw ServerError(.invalidConfiguration, """
                retrain-after-events is \(retrainAfterEvents), retrain-interval is \(retrainIntervalSeconds) s and idle timeout \
                \(idleTimeoutSeconds) s, key cache \(keyCacheSeconds) s; expected counts and intervals ≥ 0 and a timeout > 0
                """)
        }
        guard modelFollowSeconds >= 0, modelFollowSeconds.isFinite else {
            throw ServerError(.invalidConfiguration, "follow-models is \(modelFollowSeconds) s; expected an interval ≥ 0")
        }
        guard profileCacheSeconds >= 0, requestTimeoutSeconds > 0, rateLimitPerSecond >= 0, (0...1).contains(interestWeight), interestHalfLifeDays > 0 else {
            throw ServerError(.invalidConfiguration, """
                profile cache \(profileCacheSeconds) s, request timeout \(requestTimeoutSeconds) s, rate limit \(rateLimitPerSecond)/s, \
                interest weight \(interestWeight), interest half-life \(interestHalfLifeDays) days; expected a cache ≥ 0 s, a timeout \
                > 0 s, a limit ≥ 0, a weight from 0 to 1 and a half-life > 0 days
                """)
        }
        do {
            try llm?.validate()
        } catch {
            throw ServerError(.invalidConfiguration, "language model: \(error)")
        }
    }
}

/// Log severities, as `MARQUEE_LOG_LEVEL` and `--log-level` spell them.
public typealias LogLevel = Logger.Level
