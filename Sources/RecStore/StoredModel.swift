import Foundation
import RecCore

/// A trained model as the store keeps it: what it is, how it was made, and its parameters.
///
/// `recommend` loads the newest version instead of retraining.
public struct StoredModel: Sendable, Hashable {
    /// Algorithm name, e.g. `"biased-mf"`.
    public var name: String
    /// Version assigned by the store on save (0 before saving).
    public var version: Int
    /// When training finished.
    public var createdAt: Date
    /// The hyperparameters, as JSON of the algorithm's configuration struct.
    public var hyperparameters: Data
    /// Digest of the training data, to tell whether the model is stale.
    public var dataFingerprint: String
    /// Quality and cost figures measured at training, e.g. `["fit_seconds": 0.4]`.
    public var metrics: [String: Double]
    /// The trained parameters, encoded by the algorithm.
    public var payload: Data

    /// Creates a stored model.
    public init(name: String, version: Int = 0, createdAt: Date = Date(), hyperparameters: Data,
                dataFingerprint: String, metrics: [String: Double] = [:], payload: Data) {
        self.name = name
        self.version = version
        self.createdAt = createdAt
        self.hyperparameters = hyperparameters
        self.dataFingerprint = dataFingerprint
        self.metrics = metrics
        self.payload = payload
    }
}
