import Foundation
import RecStore

/// Where and how ``PostgresStore`` connects: server, credentials, database, schema and pool size.
///
/// Usually parsed from a connection URL, the form `MARQUEE_DATABASE_URL` and `--database` take:
///
/// ```
/// postgres://marquee:secret@127.0.0.1:5432/marquee?schema=staging&sslmode=disable&pool=10
/// ```
///
/// `postgresql://` works too. Query parameters: `schema` (tables live in this schema, created if missing;
/// default: the server's `search_path`, normally `public`), `sslmode` (`disable`, `prefer` or `require`;
/// default `disable`), `pool` (most connections the store opens, default 10).
public struct PostgresStoreConfiguration: Sendable, Codable, Equatable, CustomStringConvertible {
    /// Whether the connection is encrypted.
    public enum TLSMode: String, Sendable, Codable, CaseIterable {
        /// Plain TCP, for loopback and private networks.
        case disable
        /// TLS when the server offers it, plain TCP otherwise.
        case prefer
        /// TLS, or no connection.
        case require
    }

    /// Host name or IP address of the server.
    public var host: String
    /// TCP port of the server.
    public var port: Int
    /// Role to log in as.
    public var username: String
    /// Password, or `nil` for trust or peer authentication.
    public var password: String?
    /// Database name; `nil` uses the server's default (the user name).
    public var database: String?
    /// Schema holding the store's tables, created on open if missing; `nil` uses the server's `search_path`.
    public var schema: String?
    /// Encryption of the connection.
    public var tls: TLSMode
    /// Most connections the store's pool opens at once.
    public var maximumConnections: Int
    /// Seconds to wait for a connection to the server before failing.
    public var connectTimeoutSeconds: Double

    /// Creates a configuration; every parameter but the host has a default.
    public init(host: String, port: Int = 5432, username: String = "postgres", password: String? = nil,
                database: String? = nil, schema: String? = nil, tls: TLSMode = .disable,
                maximumConnections: Int = 10, connectTimeoutSeconds: Double = 5) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.schema = schema
        self.tls = tls
        self.maximumConnections = maximumConnections
        self.connectTimeoutSeconds = connectTimeoutSeconds
    }

    /// Whether `text` names a PostgreSQL database (`postgres://` or `postgresql://`) rather than a file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses a `postgres://user:password@host:port/database?schema=…&sslmode=…&pool=…` URL.
    /// - Throws: `StoreError` `.invalidValue` naming the part of the URL that is wrong and what was expected.
    public init(url text: String) throws {
        guard Self.isURL(text), let components = URLComponents(string: text) else {
            throw StoreError(.invalidValue, "database URL '\(Self.redacted(text))' is not a URL; expected postgres://user:password@host:port/database")
        }
        guard let host = components.host, !host.isEmpty else {
            throw StoreError(.invalidValue, "database URL '\(Self.redacted(text))' has no host; expected postgres://user:password@host:port/database")
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        self.init(host: host, port: components.port ?? 5432, username: components.user ?? "postgres",
                  password: components.password, database: path.isEmpty ? nil : path)
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "schema":
                guard !value.isEmpty else {
                    throw StoreError(.invalidValue, "database URL parameter 'schema' is empty; expected a schema name")
                }
                schema = value
            case "sslmode":
                guard let mode = TLSMode(rawValue: value) else {
                    throw StoreError(.invalidValue, """
                        database URL parameter 'sslmode' is '\(value)'; expected one of \
                        \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))
                        """)
                }
                tls = mode
            case "pool":
                guard let size = Int(value), size > 0 else {
                    throw StoreError(.invalidValue, "database URL parameter 'pool' is '\(value)'; expected a positive number of connections")
                }
                maximumConnections = size
            default:
                throw StoreError(.invalidValue, "database URL parameter '\(item.name)' is unknown; expected schema, sslmode or pool")
            }
        }
    }

    /// The URL without its password, for messages and logs: `postgres://marquee@127.0.0.1:5432/marquee`.
    public var description: String {
        "postgres://\(username)@\(host):\(port)/\(database ?? "")" + (schema.map { "?schema=\($0)" } ?? "")
    }

    /// `text` with any password replaced by `***`.
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }
}
