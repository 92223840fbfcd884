import Foundation
import RecAlgorithms
import RecCore
import RecImport
import RecStore

/// What ``FactorImport/run(users:items:store:)`` stored.
public struct FactorImportSummary: Sendable {
    /// The version given to the imported model (`topn-als`).
    public var version: Int
    /// Latent dimensions of the imported vectors.
    public var factors: Int
    /// Users and items of the store that got imported vectors, of how many the store has.
    public var matchedUsers: Int, users: Int, matchedItems: Int, items: Int

    /// One line per figure, for `marquee import-factors`.
    public var text: String {
        """
        imported topn-als v\(version): \(factors) factors
          users with factors: \(matchedUsers) of \(users); items with factors: \(matchedItems) of \(items)
        """
    }
}

/// `marquee import-factors`: serves ALS factors trained by Apache Spark MLlib (or anything writing its
/// `userFactors` / `itemFactors` form) as the store's `topn-als` model, for data past one machine.
///
/// The store's positives (the same rule as ``TopNTraining``) give the users, items and seen items; the
/// imported vectors are aligned to them, saved as the next `topn-als` version and made the model served.
public enum FactorImport {
    /// Reads both factor files (or Spark output folders), aligns them to the store and saves the model.
    /// - Parameter regularization: λ of the fold-in solve for users the factors do not cover.
    /// - Throws: ``ImportError`` for unreadable factor files; ``PipelineError`` when the store holds no
    ///   positives or no imported id matches it; ``AlgorithmError`` for vectors of unequal length.
    @discardableResult
    public static func run(users: URL, items: URL, store: any Store, regularization: Float = 0.01) async throws -> FactorImportSummary {
        let userVectors = try SparkFactorReader.read(users), itemVectors = try SparkFactorReader.read(items)
        let interactions = try await store.interactions()
        let positives = try await TopNTraining.positiveFeedback(in: store).positives(in: interactions)
        guard !positives.isEmpty else {
            throw PipelineError(.noModel, "the store holds no positive feedback to align the factors with; run `marquee import` first")
        }
        let history = TrainingHistory(InteractionMatrix(positives, scale: RatingScale(minimum: 0, maximum: 1)))
        let byUser = Dictionary(uniqueKeysWithValues: userVectors.map { (UserID($0.key), $0.value) })
        let byItem = Dictionary(uniqueKeysWithValues: itemVectors.map { (ItemID($0.key), $0.value) })
        let matchedUsers = (0..<history.users.count).filter { byUser[history.users[$0]] != nil }.count
        let matchedItems = (0..<history.items.count).filter { byItem[history.items[$0]] != nil }.count
        guard matchedItems > 0 else {
            throw PipelineError(.noModel, "none of the \(byItem.count) items in \(items.path) is in the store; import the same data set first")
        }
        let factors = itemVectors.first?.value.count ?? 0
        let configuration = ImplicitALSConfiguration(factors: factors, regularization: regularization)
        let model = TrainedTopNModel.als(try ImplicitALS(importing: byUser, itemFactors: byItem, history: history,
                                                         configuration: configuration))
        let stored = try model.stored(as: .als, configuration: .als(configuration), fingerprint: DataFingerprint.of(interactions),
                                      metrics: ["imported_users": Double(matchedUsers), "imported_items": Double(matchedItems)])
        let version = try await store.save(stored)
        try await store.setMetadata(TopNAlgorithm.als.rawValue, for: StoreKeys.activeTopNModel)
        return FactorImportSummary(version: version, factors: factors, matchedUsers: matchedUsers, users: history.users.count,
                                   matchedItems: matchedItems, items: history.items.count)
    }
}
