import Foundation
import RecCore
import RecEvaluation
import RecStore

/// What a top-N training run produced.
public struct TopNTrainingSummary: Sendable, Hashable {
    /// The algorithm trained.
    public var algorithm: TopNAlgorithm
    /// The version the store gave the model.
    public var version: Int
    /// Positive (user, item) pairs trained on.
    public var positiveCount: Int
    /// Wall-clock seconds spent fitting.
    public var fitSeconds: Double
}

/// `marquee train --task topn` and the server's retraining: fits a top-N model on every positive
/// interaction in the store, saves it as the next version and makes it the one served.
public enum TopNTraining {
    /// The rule for positives in a store: ratings of at least 80 % of the recorded scale's maximum,
    /// likes and watches (``RecEvaluation/PositiveFeedback/init(scale:)``); 4 and up when no scale is recorded.
    /// - Throws: ``PipelineError`` if the recorded scale is unreadable.
    public static func positiveFeedback(in store: any Store) async throws -> PositiveFeedback {
        try await store.recordedRatingScale().map(PositiveFeedback.init(scale:)) ?? PositiveFeedback()
    }

    /// Trains `algorithm` with its default hyperparameters on the store's positives and saves it.
    /// - Throws: ``PipelineError`` if the store holds no positives; store and algorithm errors.
    /// - Complexity: O(interactions) to read plus the algorithm's fit.
    @discardableResult
    public static func train(_ algorithm: TopNAlgorithm = .als, store: any Store,
                             progress: ProgressHandler? = nil) async throws -> TopNTrainingSummary {
        let interactions = try await store.interactions()
        let positives = try await positiveFeedback(in: store).positives(in: interactions)
        guard !positives.isEmpty else {
            throw PipelineError(.noModel, "the store holds no positive feedback (high ratings, likes, watches) to train on; run `marquee import` first")
        }
        let matrix = InteractionMatrix(positives, scale: RatingScale(minimum: 0, maximum: 1))
        let configuration = algorithm.defaultConfiguration
        let clock = ContinuousClock()
        let start = clock.now
        let model = try await configuration.fit(matrix, progress: progress)
        let fitSeconds = (clock.now - start).seconds
        let stored = try model.stored(as: algorithm, configuration: configuration, fingerprint: DataFingerprint.of(interactions),
                                      metrics: ["fit_seconds": fitSeconds, "positives": Double(positives.count)])
        let version = try await store.save(stored)
        try await store.setMetadata(algorithm.rawValue, for: StoreKeys.activeTopNModel)
        return TopNTrainingSummary(algorithm: algorithm, version: version, positiveCount: positives.count, fitSeconds: fitSeconds)
    }

    /// The top-N model trained last, unless it is the one called `current` (e.g. `"topn-als v3"`, as
    /// `ServingModel.name` says): a replica's cheap check for a model another process trained. Reads the
    /// payload only when there is a different model.
    /// - Throws: ``PipelineError`` if the stored model cannot be read; store errors.
    public static func latestModel(in store: any Store, unless current: String?) async throws
        -> (model: TrainedTopNModel, record: StoredModel)? {
        guard let name = try await store.metadata(for: StoreKeys.activeTopNModel),
              let algorithm = TopNAlgorithm(rawValue: name),
              let version = try await store.latestModelVersion(named: algorithm.storedName),
              "\(algorithm.storedName) v\(version)" != current else { return nil }
        return try await latestModel(in: store)
    }

    /// The top-N model trained last, with its stored record, or `nil` if none was trained.
    /// - Throws: ``PipelineError`` if the stored model cannot be read; store errors.
    public static func latestModel(in store: any Store) async throws -> (model: TrainedTopNModel, record: StoredModel)? {
        guard let name = try await store.metadata(for: StoreKeys.activeTopNModel),
              let algorithm = TopNAlgorithm(rawValue: name),
              let record = try await store.latestModel(named: algorithm.storedName) else { return nil }
        return (try TrainedTopNModel(record), record)
    }
}
