import Foundation
import RecCore
import RecStore

/// What a training run produced.
public struct TrainingSummary: Sendable, Hashable {
    /// The algorithm trained.
    public var algorithm: RatingAlgorithm
    /// The version the store gave the model.
    public var version: Int
    /// Ratings trained on.
    public var ratingCount: Int
    /// Wall-clock seconds spent fitting.
    public var fitSeconds: Double
}

/// `marquee train`: fits a model on everything in the store and saves it as the next version.
public enum Training {
    /// Trains `algorithm` on every rating in `store`, saves it and makes it the model `recommend` uses.
    /// - Throws: ``PipelineError`` if the store has no ratings; errors from the store or the algorithm.
    /// - Complexity: O(interactions) to read plus the algorithm's fit.
    public static func train(_ algorithm: RatingAlgorithm, store: any Store,
                             progress: ProgressHandler? = nil) async throws -> TrainingSummary {
        let interactions = try await store.interactions()
        guard let scale = try await store.recordedRatingScale() else {
            throw PipelineError(.noModel, "the store is empty: nothing was imported yet; run `marquee import` first")
        }
        let matrix = InteractionMatrix(interactions, scale: scale)
        guard matrix.entryCount > 0 else {
            throw PipelineError(.noModel, "the store holds no ratings to train on; run `marquee import` first")
        }
        let clock = ContinuousClock()
        var model: TrainedRatingModel?
        let configuration = algorithm.defaultConfiguration
        let elapsed = try clock.measure { model = try configuration.fit(matrix, progress: progress) }
        guard let model else { preconditionFailure("fit returned without a model") }
        let fitSeconds = elapsed.seconds
        let stored = try model.stored(as: algorithm, configuration: configuration, fingerprint: DataFingerprint.of(interactions),
                                      metrics: ["fit_seconds": fitSeconds, "ratings": Double(matrix.entryCount)])
        let version = try await store.save(stored)
        try await store.setMetadata(algorithm.rawValue, for: StoreKeys.activeModel)
        return TrainingSummary(algorithm: algorithm, version: version, ratingCount: matrix.entryCount, fitSeconds: fitSeconds)
    }
}
