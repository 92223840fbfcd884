import Foundation
import RecAlgorithms
import RecCore
import RecPipeline
import RecStore

/// One trained top-N model as the server uses it: immutable, swapped whole when a newer one is trained.
public struct ServingModel: Sendable {
    /// The model.
    public let model: TrainedTopNModel
    /// The model's fold-in form: serves any user from their current history.
    public let foldIn: any FoldInRecommender
    /// Algorithm name and version, e.g. `"topn-als v3"`.
    public let name: String
    /// The store's version number of the model.
    public let version: Int
    /// When the model finished training.
    public let trainedAt: Date
    /// Seconds its fit took.
    public let fitSeconds: Double
    /// Items by number of positive interactions in the training data, most first.
    public let popular: [ScoredItem]
    /// Users by number of training items, most first (ties by id): the demo-user list.
    public let mostActiveUsers: [UserID]

    /// Wraps a stored model.
    /// - Throws: ``APIError`` `.unavailable` if the algorithm cannot serve from a user's history (popular, random).
    init(_ model: TrainedTopNModel, record: StoredModel) throws {
        guard let foldIn = model.foldIn else {
            throw APIError(.unavailable, "the stored model \(record.name) cannot fold in new feedback; train als, bpr, item-knn, user-knn or ease")
        }
        self.model = model
        self.foldIn = foldIn
        name = "\(record.name) v\(record.version)"
        version = record.version
        trainedAt = record.createdAt
        fitSeconds = record.metrics["fit_seconds"] ?? 0
        let history = model.history
        popular = history.popularity.mostPopular(history.items.count) { _ in false }
            .map { ScoredItem(item: history.items[$0.index], score: $0.score) }
        let activity: [(user: UserID, items: Int)] = (0..<history.users.count).map { index in
            (history.users[index], history.seen(by: index).count)
        }
        mostActiveUsers = activity.sorted { $0.items != $1.items ? $0.items > $1.items : $0.user < $1.user }.map(\.user)
    }
}
