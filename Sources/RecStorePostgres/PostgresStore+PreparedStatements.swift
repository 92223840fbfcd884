import PostgresNIO

/// The statements a serving replica runs on (nearly) every request or poll, as named prepared statements: postgres-nio
/// prepares each once per pooled connection (on first use) and afterwards sends only its name and binds, so PostgreSQL
/// parses and plans it once per connection instead of once per request. Table names resolve through the connection's
/// `search_path`, which is fixed at login, so a statement prepared on one connection always reads that store's schema.
extension PostgresStore {
    /// A user's interactions, in ``Store/interactions(of:)``'s order; read for every recommendation request.
    struct InteractionsOfUser: PostgresPreparedStatement {
        static let sql = """
            SELECT user_id, item_id, kind, value, timestamp FROM interactions WHERE user_id = $1
            ORDER BY timestamp NULLS FIRST, item_id, kind
            """
        typealias Row = InteractionRow
        /// The user's id.
        var user: String

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings()
            bindings.append(user)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }

    /// One user's details; read for user summaries and exports.
    struct UserDetails: PostgresPreparedStatement {
        static let sql = "SELECT age, gender, occupation FROM users WHERE id = $1"
        typealias Row = (Int?, String?, String?)
        /// The user's id.
        var user: String

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings()
            bindings.append(user)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }

    /// The newest version saved under a model name; what replicas poll for models trained elsewhere.
    struct LatestModelVersion: PostgresPreparedStatement {
        static let sql = "SELECT MAX(version) FROM models WHERE name = $1"
        typealias Row = Int?
        /// The model's name.
        var name: String

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings()
            bindings.append(name)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }

    /// The columns of an interactions row: user_id, item_id, kind, value, timestamp.
    typealias InteractionRow = (String, String, String, Double?, Int64?)

    /// The names of the statements prepared in the session of the pooled connection this runs on (with a pool of one
    /// connection, the only session); for tests of the prepared statements.
    package func preparedStatementNames() async throws -> [String] {
        try await autocommit("read prepared statements") { [logger] connection in
            var names: [String] = []
            for try await name in try await connection.query("SELECT name FROM pg_prepared_statements ORDER BY name",
                                                             logger: logger).decode(String.self) {
                names.append(name)
            }
            return names
        }
    }
}
