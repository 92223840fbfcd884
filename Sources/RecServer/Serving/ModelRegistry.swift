import Foundation
import Metrics
import RecCore
import RecPipeline
import RecStore

/// The server's shared, mutable serving state: the model in use and the catalogue.
///
/// Requests take a ``snapshot()`` and work on those immutable values, so a model swapped in by
/// ``install(_:)`` takes effect for the next request without disturbing one in flight. The registry
/// also counts feedback since the last training and asks the ``RetrainingService`` for a new model
/// after ``ServerConfiguration/retrainAfterEvents`` events.
public actor ModelRegistry {
    /// The model in use, or `nil` until one is trained.
    public private(set) var model: ServingModel?
    /// The catalogue.
    public private(set) var catalogue: Catalogue
    /// Feedback events accepted since the model in use was trained.
    public private(set) var eventsSinceTraining = 0

    private let retrainAfterEvents: Int
    private let retrainRequests: AsyncStream<Void>.Continuation
    /// Training requests, consumed by the ``RetrainingService``.
    nonisolated let trainingRequests: AsyncStream<Void>

    /// A registry over `catalogue` and, if one was trained, `model`.
    init(model: ServingModel?, catalogue: Catalogue, retrainAfterEvents: Int) {
        self.model = model
        self.catalogue = catalogue
        self.retrainAfterEvents = retrainAfterEvents
        (trainingRequests, retrainRequests) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        if let model { ServerMetrics.recordModel(model) }
    }

    /// The model and catalogue in use, to answer one request.
    func snapshot() -> (model: ServingModel?, catalogue: Catalogue) { (model, catalogue) }

    /// Makes `model` the one in use, from the next request on.
    func install(_ model: ServingModel, eventsDuringTraining: Int) {
        self.model = model
        eventsSinceTraining = max(0, eventsSinceTraining - eventsDuringTraining)
        ServerMetrics.recordModel(model)
    }

    /// Counts `count` accepted feedback events; asks for retraining when the threshold is reached.
    func recordFeedback(_ count: Int) {
        eventsSinceTraining += count
        if retrainAfterEvents > 0, eventsSinceTraining >= retrainAfterEvents { requestTraining() }
    }

    /// Asks the retraining service for a new model (requests made while one trains collapse into one).
    func requestTraining() { retrainRequests.yield() }

    /// Adds or replaces catalogue items.
    func upsert(_ items: [Item]) { catalogue.upsert(items) }

    /// Removes a catalogue item.
    func remove(_ item: ItemID) { catalogue.remove(item) }

    /// Stops delivering training requests (at shutdown).
    func finish() { retrainRequests.finish() }
}
