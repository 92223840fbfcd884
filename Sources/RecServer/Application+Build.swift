import Foundation
import Hummingbird
import Logging
import RecEvaluation
import RecGeneration
import RecPipeline
import RecStore
import RecStorePostgres
import RecStoreSQLite
import RecText

/// The Marquee server: routes, middleware and background training over one store.
///
/// `marquee serve` and the tests call this same function. `marquee serve` opens the store named by
/// ``ServerConfiguration/database`` with `StoreLocation` (SQLite or PostgreSQL) and passes it; without a
/// `store`, the SQLite file at ``ServerConfiguration/database`` is opened. Tests may pass a `logger` to read what is logged.
/// - Throws: ``ServerError`` for an invalid configuration; store errors opening or reading the database.
public func buildApplication(_ configuration: ServerConfiguration, store: (any Store)? = nil,
                             logger: Logger? = nil) async throws -> some ApplicationProtocol {
    try configuration.validate()
    var logger = logger ?? Logger(label: "marquee")
    logger.logLevel = configuration.logLevel
    guard store != nil || !PostgresStoreConfiguration.isURL(configuration.database) else {
        throw ServerError(.invalidConfiguration, """
            database is a PostgreSQL URL, whose store lives only inside StoreLocation.withStore; \
            open it there and pass it as `store:`
            """)
    }
    let store = try store ?? SQLiteStore(path: configuration.database, synchronous: configuration.sqliteSynchronous)
    let keys = APIKeys(store: store, cacheSeconds: configuration.keyCacheSeconds)
    if let key = configuration.bootstrapAdminKey { try await keys.install(adminKey: key, label: "bootstrap (MARQUEE_ADMIN_KEY)") }

    let stored = try await TopNTraining.latestModel(in: store)
    let registry = ModelRegistry(model: try stored.map { try ServingModel($0.model, record: $0.record) },
                                 catalogue: Catalogue(try await store.allItems()),
                                 inputs: try await ServingInputs.load(from: store), interest: configuration.interest,
                                 profileLifetime: .seconds(configuration.profileCacheSeconds),
                                 retrainAfterEvents: configuration.retrainAfterEvents)
    let pitches: any PitchGenerator = try configuration.llm.map { try OpenAIChatPitchGenerator(configuration: $0) }
        ?? OfflinePitchGenerator()
    let router = try await buildRouter(store: store, registry: registry, keys: keys, configuration: configuration,
                                       encoder: MoodRoutes.encoder(in: configuration.modelDirectory), pitches: pitches)
    var app = Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: .milliseconds(Int64(configuration.idleTimeoutSeconds * 1000)))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "marquee"),
        logger: logger)
    app.addServices(RetrainingService(store: store, registry: registry, algorithm: configuration.algorithm,
                                      intervalSeconds: configuration.retrainIntervalSeconds,
                                      followSeconds: configuration.modelFollowSeconds, logger: logger))
    return app
}

/// The router: public health, readiness, OpenAPI and web page; client and admin routes under `/v1`; `/metrics` for admins.
func buildRouter(store: any Store, registry: ModelRegistry, keys: APIKeys, configuration: ServerConfiguration,
                 encoder: Result<MiniLMEncoder, APIError>,
                 pitches: any PitchGenerator = OfflinePitchGenerator()) async throws -> Router<ServerContext> {
    let router = Router(context: ServerContext.self)
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: RequestTimeoutMiddleware(limit: .seconds(configuration.requestTimeoutSeconds)))
    let limiter = configuration.rateLimitPerSecond > 0
        ? RateLimiter(perSecond: configuration.rateLimitPerSecond, burst: configuration.rateLimitPerSecond) : nil
    let client = router.group("v1").add(middleware: APIKeyMiddleware(required: .client, keys: keys, limiter: limiter))
    let admin = router.group("v1").add(middleware: APIKeyMiddleware(required: .admin, keys: keys, limiter: limiter))
    let adminRoot = router.group().add(middleware: APIKeyMiddleware(required: .admin, keys: keys, limiter: limiter))

    let recommendations = Recommendations(store: store, registry: registry, interestWeight: Float(configuration.interestWeight),
                                          pitches: pitches, promptReviews: configuration.llm?.includesReviews ?? false)
    RecommendationRoutes(recommendations: recommendations).register(on: client)
    let sentiment = try await ReviewSentiment.load(from: store, encoder: try? encoder.get())
    FeedbackRoutes(recorder: FeedbackRecorder(store: store, registry: registry, sentiment: sentiment)).register(on: client)
    MoodRoutes(registry: registry, encoder: encoder).register(on: client)
    CatalogueRoutes(store: store, registry: registry).register(client: client, admin: admin)
    UserRoutes(store: store, registry: registry, recommendations: recommendations).register(client: client, admin: admin)
    try OperationRoutes(registry: registry).register(public: router, admin: admin, adminRoot: adminRoot)
    try WebPageRoutes().register(on: router)
    MethodNotAllowedRoutes.register(on: router)
    return router
}
